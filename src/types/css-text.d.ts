// build.mjs bundles imported .css files as text, to be put inside shadow roots.
declare module '*.css' {
  const text: string;
  export default text;
}
