import type { Topology } from '../../../engine';
import { DeleteButton } from './common';
import { TextField } from './fields';

export function SiteProperties({ id, t }: { id: string; t: Topology }) {
  const site = t.index.sites.get(id)!;
  const inside = t.nodes.filter((n) => n.site === id).length + t.routers.filter((r) => r.site === id).length;
  return (
    <>
      <TextField label="Name" value={site.name} toEdit={(name) => ({ type: 'update-site', id, patch: { name } })} />
      <p className="props-note">{inside === 0 ? 'Empty: drop nodes and routers into it.' : `Deleting the site deletes the ${inside} node${inside === 1 ? '' : 's'} and routers in it (undo brings them back).`}</p>
      <DeleteButton id={id} what="site" />
    </>
  );
}
