// How the Rules view (popup and review page) says where a rule comes from (src/popup/rule-origin.tsx):
// a list by its title, never its id, and a list's rule the reader edited as their override, with
// the list's version beside it and a way back to it. Checked on the tree Preact would render.
import { type ComponentChild, h, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import type { RuleDetails } from '../../src/core/rule';
import { RuleOrigin } from '../../src/popup/rule-origin';
import { elements, expand, texts } from './support/render-tree';

const LIST_ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const rule = (partial: Partial<RuleDetails>): RuleDetails => ({
  id: 'r1',
  phrase: 'the minister said',
  matchCase: false,
  verdict: 'false',
  correction: 'My own correction.',
  note: '',
  sources: [],
  listId: LIST_ID,
  enabled: true,
  created: 1000,
  updated: 1000,
  listTitle: 'Desk corrections',
  ...partial,
});
type ButtonProps = { onClick(): void; children: ComponentChild };
const shown = (tree: (VNode | string)[]) => texts(tree).join('');

describe('RuleOrigin', () => {
  it('names a list’s rule by its list’s title, never its id', () => {
    const tree = expand(h(RuleOrigin, { rule: rule({}), onUseListVersion: () => undefined }));
    expect(shown(tree)).toContain('From the list “Desk corrections”');
    expect(shown(tree)).not.toContain(LIST_ID);
    expect(shown(tree)).not.toContain('Edited by you');
  });

  it('says nothing for the reader’s own rule', () => {
    expect(
      expand(h(RuleOrigin, { rule: rule({ listId: null }), onUseListVersion: () => undefined })),
    ).toEqual([]);
  });

  it('marks an edited list rule as the reader’s override, shows the list’s version and offers it back', () => {
    let asked = 0;
    const edited = rule({
      listVersion: {
        phrase: 'the minister said',
        matchCase: false,
        verdict: 'false',
        correction: 'The list’s correction.',
        note: '',
        sources: [],
      },
    });
    const tree = expand(h(RuleOrigin, { rule: edited, onUseListVersion: () => asked++ }));
    expect(shown(tree)).toContain('Edited by you — overrides the list’s version');
    expect(shown(tree)).toContain('The list says: “the minister said” — The list’s correction.');
    const buttons = elements(tree).filter((n) => n.type === 'button') as VNode<ButtonProps>[];
    expect(buttons.map((b) => texts(expand(b.props.children)).join(''))).toEqual(['Use the list’s version']);
    buttons[0]?.props.onClick();
    expect(asked).toBe(1);
  });
});
