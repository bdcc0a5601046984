// Many Kommunen's checklist files made from one exported file, as a Land
// office receives them: each its own region, the planning item "ABH"
// (lp-1-2) answered as `status(i)` says, and any other item as `items`
// says ({ 'lp-1-1': (i) => … }). Shared by tests and benchmarks.
import { sealed } from './netzwerkatlas-file.mjs';

/** `count` files as uploads for `setInputFiles`, from `base` (an exported checklist file). */
export function kommuneFiles(base, count, status, { prefix = 'kommune', exportedAt, items = {} } = {}) {
  const answers = { ...items, 'lp-1-2': status };
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = JSON.parse(JSON.stringify(base));
    const region = file.content.regions[0];
    region.id = `${prefix}-${i}`;
    region.name = `Kommune ${String(i).padStart(3, '0')}`;
    file.region = { id: region.id, name: region.name };
    if (exportedAt) file.exported_at = exportedAt;
    region.checklists[0].id = `${prefix}-${i}-planung`;
    for (const item of region.checklists[0].sections.flatMap((s) => s.items)) if (answers[item.id]) item.status = answers[item.id](i);
    files.push({ name: `${prefix}-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(sealed(file)) });
  }
  return files;
}
