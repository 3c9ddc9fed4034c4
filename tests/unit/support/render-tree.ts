// A Preact component tree as Preact would render it, function components called, for Node tests
// that check what a view shows without a DOM: host elements and text, in document order.
import type { ComponentChild, VNode } from 'preact';

/** Host elements (strings are text) of a rendered tree, function components called. */
export function expand(node: ComponentChild): (VNode | string)[] {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(expand);
  const vnode = node as VNode<{ children?: ComponentChild }>;
  if (typeof vnode.type === 'function') {
    return expand((vnode.type as (props: object) => ComponentChild)(vnode.props));
  }
  return [vnode, ...expand(vnode.props.children)];
}

export const elements = (tree: (VNode | string)[]) => tree.filter((n): n is VNode => typeof n !== 'string');
export const texts = (tree: (VNode | string)[]) => tree.filter((n): n is string => typeof n === 'string');
