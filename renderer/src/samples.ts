/** The sample models shipped in assets/samples, bundled as text and loaded through the one load path. */
const files = import.meta.glob('../../assets/samples/*.faultline.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Sample {
  id: string;
  fileName: string;
  text: string;
}

export const SAMPLES: Sample[] = Object.entries(files)
  .map(([path, text]) => {
    const fileName = path.split('/').pop() ?? path;
    return { id: fileName.replace(/\.faultline\.json$/, ''), fileName, text };
  })
  .sort((a, b) => a.id.localeCompare(b.id));
