// The acronyms Factmark knows, with their official names and where those names are published.
// Curated by hand: EU laws, EU institutions and agencies, international bodies. Data only.
//
// `name` is the official English name, as the source page gives it. `aliases` are other names a
// correct text may use for the same acronym: a former or shortened official name, the
// British/American variant the normaliser does not already cover, or a different body that uses
// the same letters (ICC is also the International Chamber of Commerce). An expansion that matches
// the name or an alias is never flagged, so an ambiguous acronym must list every accepted body.
// Acronyms too ambiguous to check (EC, EP, AU, ERA…) are left out on purpose.

export interface AcronymEntry {
  /** As written in running text: "DSA", "ECtHR", "Europol". */
  acronym: string;
  /** The official name. */
  name: string;
  /** Other accepted names: not flagged either. */
  aliases?: string[];
  /** An official page (https) that gives the name. */
  source: string;
}

const EUR_LEX = 'https://eur-lex.europa.eu/eli';

export const ACRONYMS: readonly AcronymEntry[] = [
  // ---- EU laws -------------------------------------------------------------------------------
  { acronym: 'DSA', name: 'Digital Services Act', source: `${EUR_LEX}/reg/2022/2065/oj` },
  { acronym: 'DMA', name: 'Digital Markets Act', source: `${EUR_LEX}/reg/2022/1925/oj` },
  { acronym: 'GDPR', name: 'General Data Protection Regulation', source: `${EUR_LEX}/reg/2016/679/oj` },
  {
    acronym: 'AIA',
    name: 'Artificial Intelligence Act',
    aliases: ['AI Act'],
    source: `${EUR_LEX}/reg/2024/1689/oj`,
  },
  { acronym: 'EMFA', name: 'European Media Freedom Act', source: `${EUR_LEX}/reg/2024/1083/oj` },
  { acronym: 'DGA', name: 'Data Governance Act', source: `${EUR_LEX}/reg/2022/868/oj` },
  {
    acronym: 'NIS2',
    name: 'NIS 2 Directive',
    aliases: [
      'Network and Information Security Directive',
      'Network and Information Systems Directive',
      'Network and Information Security 2 Directive',
      'NIS Directive',
    ],
    source: `${EUR_LEX}/dir/2022/2555/oj`,
  },
  {
    acronym: 'CSRD',
    name: 'Corporate Sustainability Reporting Directive',
    source: `${EUR_LEX}/dir/2022/2464/oj`,
  },
  {
    acronym: 'CSDDD',
    name: 'Corporate Sustainability Due Diligence Directive',
    source: `${EUR_LEX}/dir/2024/1760/oj`,
  },
  { acronym: 'DORA', name: 'Digital Operational Resilience Act', source: `${EUR_LEX}/reg/2022/2554/oj` },
  {
    acronym: 'MiCA',
    name: 'Markets in Crypto-Assets Regulation',
    aliases: ['Markets in Crypto-Assets'],
    source: `${EUR_LEX}/reg/2023/1114/oj`,
  },
  { acronym: 'CRA', name: 'Cyber Resilience Act', source: `${EUR_LEX}/reg/2024/2847/oj` },
  {
    acronym: 'CBAM',
    name: 'Carbon Border Adjustment Mechanism',
    source: `${EUR_LEX}/reg/2023/956/oj`,
  },
  {
    acronym: 'EUDR',
    name: 'EU Deforestation Regulation',
    aliases: ['Deforestation Regulation'],
    source: `${EUR_LEX}/reg/2023/1115/oj`,
  },
  {
    acronym: 'ETS',
    name: 'EU Emissions Trading System',
    aliases: ['Emissions Trading System', 'Emissions Trading Scheme'],
    source: 'https://climate.ec.europa.eu/eu-action/eu-emissions-trading-system-eu-ets_en',
  },
  {
    acronym: 'TFEU',
    name: 'Treaty on the Functioning of the European Union',
    source: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016E/TXT',
  },
  {
    acronym: 'TEU',
    name: 'Treaty on European Union',
    source: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016M/TXT',
  },
  {
    acronym: 'CAP',
    name: 'Common Agricultural Policy',
    source: 'https://agriculture.ec.europa.eu/common-agricultural-policy_en',
  },

  // ---- EU institutions, bodies and agencies --------------------------------------------------
  { acronym: 'ECB', name: 'European Central Bank', source: 'https://www.ecb.europa.eu/' },
  { acronym: 'EIB', name: 'European Investment Bank', source: 'https://www.eib.org/' },
  {
    acronym: 'CJEU',
    name: 'Court of Justice of the European Union',
    source: 'https://curia.europa.eu/',
  },
  {
    acronym: 'ECJ',
    name: 'European Court of Justice',
    aliases: ['Court of Justice', 'Court of Justice of the European Union'],
    source: 'https://curia.europa.eu/',
  },
  { acronym: 'EEAS', name: 'European External Action Service', source: 'https://www.eeas.europa.eu/' },
  {
    acronym: 'EUCO',
    name: 'European Council',
    source: 'https://www.consilium.europa.eu/en/european-council/',
  },
  {
    acronym: 'ECOFIN',
    name: 'Economic and Financial Affairs Council',
    source: 'https://www.consilium.europa.eu/en/council-eu/configurations/ecofin/',
  },
  {
    acronym: 'Europol',
    name: 'European Union Agency for Law Enforcement Cooperation',
    aliases: ['European Police Office'],
    source: 'https://www.europol.europa.eu/',
  },
  {
    acronym: 'Eurojust',
    name: 'European Union Agency for Criminal Justice Cooperation',
    source: 'https://www.eurojust.europa.eu/',
  },
  {
    acronym: 'Frontex',
    name: 'European Border and Coast Guard Agency',
    source: 'https://www.frontex.europa.eu/',
  },
  { acronym: 'EMA', name: 'European Medicines Agency', source: 'https://www.ema.europa.eu/' },
  { acronym: 'EFSA', name: 'European Food Safety Authority', source: 'https://www.efsa.europa.eu/' },
  {
    acronym: 'ECDC',
    name: 'European Centre for Disease Prevention and Control',
    source: 'https://www.ecdc.europa.eu/',
  },
  {
    acronym: 'ENISA',
    name: 'European Union Agency for Cybersecurity',
    aliases: ['European Network and Information Security Agency'],
    source: 'https://www.enisa.europa.eu/',
  },
  {
    acronym: 'EPPO',
    name: "European Public Prosecutor's Office",
    source: 'https://www.eppo.europa.eu/',
  },
  {
    acronym: 'ESMA',
    name: 'European Securities and Markets Authority',
    source: 'https://www.esma.europa.eu/',
  },
  { acronym: 'EBA', name: 'European Banking Authority', source: 'https://www.eba.europa.eu/' },
  {
    acronym: 'EIOPA',
    name: 'European Insurance and Occupational Pensions Authority',
    source: 'https://www.eiopa.europa.eu/',
  },
  {
    acronym: 'OLAF',
    name: 'European Anti-Fraud Office',
    aliases: ['Office européen de lutte antifraude'],
    source: 'https://anti-fraud.ec.europa.eu/',
  },
  { acronym: 'ECHA', name: 'European Chemicals Agency', source: 'https://echa.europa.eu/' },
  {
    acronym: 'EUIPO',
    name: 'European Union Intellectual Property Office',
    source: 'https://www.euipo.europa.eu/',
  },
  {
    acronym: 'EESC',
    name: 'European Economic and Social Committee',
    source: 'https://www.eesc.europa.eu/',
  },
  {
    acronym: 'EDPS',
    name: 'European Data Protection Supervisor',
    source: 'https://www.edps.europa.eu/',
  },
  { acronym: 'EDPB', name: 'European Data Protection Board', source: 'https://www.edpb.europa.eu/' },
  {
    acronym: 'EASA',
    name: 'European Union Aviation Safety Agency',
    aliases: ['European Aviation Safety Agency'],
    source: 'https://www.easa.europa.eu/',
  },
  { acronym: 'EMSA', name: 'European Maritime Safety Agency', source: 'https://www.emsa.europa.eu/' },
  {
    acronym: 'EUAA',
    name: 'European Union Agency for Asylum',
    source: 'https://euaa.europa.eu/',
  },
  {
    acronym: 'EEA',
    name: 'European Environment Agency',
    aliases: ['European Economic Area'],
    source: 'https://www.eea.europa.eu/',
  },
  { acronym: 'ESM', name: 'European Stability Mechanism', source: 'https://www.esm.europa.eu/' },
  {
    acronym: 'EBRD',
    name: 'European Bank for Reconstruction and Development',
    source: 'https://www.ebrd.com/',
  },
  {
    acronym: 'EFTA',
    name: 'European Free Trade Association',
    source: 'https://www.efta.int/',
  },

  // ---- Council of Europe and courts ----------------------------------------------------------
  {
    acronym: 'ECHR',
    name: 'European Convention on Human Rights',
    // The court's own site is echr.coe.int, and the press uses ECHR for the court too.
    aliases: [
      'European Court of Human Rights',
      'Convention for the Protection of Human Rights and Fundamental Freedoms',
    ],
    source: 'https://www.echr.coe.int/european-convention-on-human-rights',
  },
  { acronym: 'ECtHR', name: 'European Court of Human Rights', source: 'https://www.echr.coe.int/' },
  { acronym: 'CoE', name: 'Council of Europe', source: 'https://www.coe.int/' },
  {
    acronym: 'PACE',
    name: 'Parliamentary Assembly of the Council of Europe',
    source: 'https://pace.coe.int/',
  },
  {
    acronym: 'ICC',
    name: 'International Criminal Court',
    aliases: [
      'International Chamber of Commerce',
      'International Cricket Council',
      'International Code Council',
      'Interstate Commerce Commission',
    ],
    source: 'https://www.icc-cpi.int/',
  },
  {
    acronym: 'ICJ',
    name: 'International Court of Justice',
    aliases: ['International Commission of Jurists'],
    source: 'https://www.icj-cij.org/',
  },

  // ---- International organisations -----------------------------------------------------------
  {
    acronym: 'NATO',
    name: 'North Atlantic Treaty Organization',
    aliases: ['North Atlantic Alliance'],
    source: 'https://www.nato.int/',
  },
  { acronym: 'WHO', name: 'World Health Organization', source: 'https://www.who.int/' },
  { acronym: 'UN', name: 'United Nations', source: 'https://www.un.org/' },
  {
    acronym: 'UNGA',
    name: 'United Nations General Assembly',
    aliases: ['General Assembly'],
    source: 'https://www.un.org/en/ga/',
  },
  {
    acronym: 'UNSC',
    name: 'United Nations Security Council',
    aliases: ['Security Council'],
    source: 'https://www.un.org/securitycouncil/',
  },
  { acronym: 'IMF', name: 'International Monetary Fund', source: 'https://www.imf.org/' },
  {
    acronym: 'WTO',
    name: 'World Trade Organization',
    aliases: ['World Tourism Organization'],
    source: 'https://www.wto.org/',
  },
  {
    acronym: 'OECD',
    name: 'Organisation for Economic Co-operation and Development',
    source: 'https://www.oecd.org/',
  },
  {
    acronym: 'UNESCO',
    name: 'United Nations Educational, Scientific and Cultural Organization',
    source: 'https://www.unesco.org/',
  },
  {
    acronym: 'UNHCR',
    name: 'United Nations High Commissioner for Refugees',
    aliases: ['UN Refugee Agency', 'Office of the United Nations High Commissioner for Refugees'],
    source: 'https://www.unhcr.org/',
  },
  {
    acronym: 'UNICEF',
    name: "United Nations Children's Fund",
    aliases: ["United Nations International Children's Emergency Fund"],
    source: 'https://www.unicef.org/',
  },
  {
    acronym: 'UNDP',
    name: 'United Nations Development Programme',
    source: 'https://www.undp.org/',
  },
  {
    acronym: 'UNEP',
    name: 'United Nations Environment Programme',
    aliases: ['UN Environment'],
    source: 'https://www.unep.org/',
  },
  {
    acronym: 'UNRWA',
    name: 'United Nations Relief and Works Agency for Palestine Refugees in the Near East',
    aliases: ['United Nations Relief and Works Agency'],
    source: 'https://www.unrwa.org/',
  },
  {
    acronym: 'OHCHR',
    name: 'Office of the United Nations High Commissioner for Human Rights',
    aliases: ['UN Human Rights Office', 'United Nations Human Rights Office'],
    source: 'https://www.ohchr.org/',
  },
  {
    acronym: 'UNFCCC',
    name: 'United Nations Framework Convention on Climate Change',
    source: 'https://unfccc.int/',
  },
  {
    acronym: 'UNODC',
    name: 'United Nations Office on Drugs and Crime',
    source: 'https://www.unodc.org/',
  },
  {
    acronym: 'UNCTAD',
    name: 'United Nations Conference on Trade and Development',
    aliases: ['UN Trade and Development'],
    source: 'https://unctad.org/',
  },
  {
    acronym: 'OCHA',
    name: 'Office for the Coordination of Humanitarian Affairs',
    aliases: ['United Nations Office for the Coordination of Humanitarian Affairs'],
    source: 'https://www.unocha.org/',
  },
  {
    acronym: 'IAEA',
    name: 'International Atomic Energy Agency',
    source: 'https://www.iaea.org/',
  },
  {
    acronym: 'OPEC',
    name: 'Organization of the Petroleum Exporting Countries',
    source: 'https://www.opec.org/',
  },
  {
    acronym: 'OSCE',
    name: 'Organization for Security and Co-operation in Europe',
    source: 'https://www.osce.org/',
  },
  {
    acronym: 'FAO',
    name: 'Food and Agriculture Organization',
    aliases: ['Food and Agriculture Organization of the United Nations'],
    source: 'https://www.fao.org/',
  },
  { acronym: 'WFP', name: 'World Food Programme', source: 'https://www.wfp.org/' },
  {
    acronym: 'ILO',
    name: 'International Labour Organization',
    aliases: ['International Labour Office'],
    source: 'https://www.ilo.org/',
  },
  {
    acronym: 'IOM',
    name: 'International Organization for Migration',
    source: 'https://www.iom.int/',
  },
  {
    acronym: 'IPCC',
    name: 'Intergovernmental Panel on Climate Change',
    source: 'https://www.ipcc.ch/',
  },
  { acronym: 'WMO', name: 'World Meteorological Organization', source: 'https://wmo.int/' },
  {
    acronym: 'WIPO',
    name: 'World Intellectual Property Organization',
    source: 'https://www.wipo.int/',
  },
  {
    acronym: 'ITU',
    name: 'International Telecommunication Union',
    aliases: ['International Telecommunications Union'],
    source: 'https://www.itu.int/',
  },
  {
    acronym: 'ICAO',
    name: 'International Civil Aviation Organization',
    source: 'https://www.icao.int/',
  },
  { acronym: 'IMO', name: 'International Maritime Organization', source: 'https://www.imo.org/' },
  { acronym: 'IEA', name: 'International Energy Agency', source: 'https://www.iea.org/' },
  {
    acronym: 'IRENA',
    name: 'International Renewable Energy Agency',
    source: 'https://www.irena.org/',
  },
  {
    acronym: 'BIS',
    name: 'Bank for International Settlements',
    aliases: ['Bureau of Industry and Security'],
    source: 'https://www.bis.org/',
  },
  { acronym: 'FATF', name: 'Financial Action Task Force', source: 'https://www.fatf-gafi.org/' },
  {
    acronym: 'OPCW',
    name: 'Organisation for the Prohibition of Chemical Weapons',
    source: 'https://www.opcw.org/',
  },
  {
    acronym: 'CTBTO',
    name: 'Comprehensive Nuclear-Test-Ban Treaty Organization',
    source: 'https://www.ctbto.org/',
  },
  {
    acronym: 'NPT',
    name: 'Treaty on the Non-Proliferation of Nuclear Weapons',
    aliases: ['Non-Proliferation Treaty', 'Nuclear Non-Proliferation Treaty'],
    source: 'https://disarmament.unoda.org/wmd/nuclear/npt/',
  },
  {
    acronym: 'ICRC',
    name: 'International Committee of the Red Cross',
    source: 'https://www.icrc.org/',
  },
  {
    acronym: 'IFRC',
    name: 'International Federation of Red Cross and Red Crescent Societies',
    source: 'https://www.ifrc.org/',
  },
  {
    acronym: 'Interpol',
    name: 'International Criminal Police Organization',
    source: 'https://www.interpol.int/',
  },
  {
    acronym: 'CERN',
    name: 'European Organization for Nuclear Research',
    aliases: ['European Council for Nuclear Research', 'Conseil Européen pour la Recherche Nucléaire'],
    source: 'https://home.cern/',
  },
  {
    acronym: 'ESA',
    name: 'European Space Agency',
    aliases: ['Endangered Species Act'],
    source: 'https://www.esa.int/',
  },
  {
    acronym: 'ASEAN',
    name: 'Association of Southeast Asian Nations',
    source: 'https://asean.org/',
  },
  {
    acronym: 'ECOWAS',
    name: 'Economic Community of West African States',
    source: 'https://www.ecowas.int/',
  },
  { acronym: 'OAS', name: 'Organization of American States', source: 'https://www.oas.org/' },
  { acronym: 'APEC', name: 'Asia-Pacific Economic Cooperation', source: 'https://www.apec.org/' },
  {
    acronym: 'IOC',
    name: 'International Olympic Committee',
    aliases: ['Intergovernmental Oceanographic Commission'],
    source: 'https://www.olympics.com/ioc',
  },
  { acronym: 'WADA', name: 'World Anti-Doping Agency', source: 'https://www.wada-ama.org/' },
];
