import type { Element, Nodes, Root } from 'hast';

/**
 * Links in a story that name a page of the archive from its root (`[earlier](/2019/11/18/x/)`,
 * as editors write them) under the base the archive is published at: `/archive/2019/11/18/x/`.
 * Links to other sites and within the page are left alone.
 */
export default function rehypeSiteLinks(options: { base: string }) {
  const prefix = options.base.replace(/\/$/, '');
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const properties = (node as Element).properties;
      for (const name of ['href', 'src'] as const) {
        const value = properties?.[name];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//'))
          properties[name] = `${prefix}${value}`;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  return (tree: Root) => {
    if (prefix) visit(tree);
  };
}
