import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A tiny IFC4 model written as STEP text, so the import is tested everywhere without a sample
 * file: a layered external wall (Stahlbeton 200 mm + Mineralwolle 100 mm, standard net volume), a
 * slab with only the exporter's German quantity, a column and a beam whose material comes from
 * their type (the beam without any quantity), a window sized only by its overall dimensions, and a
 * space. Lengths are in millimetres, so the reader's unit scaling is exercised too.
 */
const gid = (n: number) => String(n).padStart(22, '0');

export function tinyIfc(): string {
  const lines = [
    `#1=IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);`,
    `#2=IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.);`,
    `#3=IFCSIUNIT(*,.VOLUMEUNIT.,$,.CUBIC_METRE.);`,
    `#4=IFCUNITASSIGNMENT((#1,#2,#3));`,
    `#5=IFCPROJECT('${gid(5)}',$,'Tiny',$,$,$,$,$,#4);`,
    `#7=IFCORGANIZATION($,'Tsumiki',$,$,$);`,
    `#6=IFCAPPLICATION(#7,'1.0','Tsumiki test model','tsumiki');`,
    `#10=IFCWALL('${gid(10)}',$,'Wall A',$,$,$,$,$,.STANDARD.);`,
    `#11=IFCMATERIAL('Stahlbeton',$,$);`,
    `#12=IFCMATERIAL('Mineralwolle',$,$);`,
    `#13=IFCMATERIALLAYER(#11,200.,$,$,$,$,$);`,
    `#14=IFCMATERIALLAYER(#12,100.,$,$,$,$,$);`,
    `#15=IFCMATERIALLAYERSET((#13,#14),'Wall 300',$);`,
    `#16=IFCMATERIALLAYERSETUSAGE(#15,.AXIS2.,.POSITIVE.,0.,$);`,
    `#17=IFCRELASSOCIATESMATERIAL('${gid(17)}',$,$,$,(#10),#16);`,
    `#18=IFCQUANTITYVOLUME('NetVolume',$,$,6.,$);`,
    `#19=IFCELEMENTQUANTITY('${gid(19)}',$,'Qto_WallBaseQuantities',$,$,(#18));`,
    `#20=IFCRELDEFINESBYPROPERTIES('${gid(20)}',$,$,$,(#10),#19);`,
    `#21=IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.T.),$);`,
    `#22=IFCPROPERTYSET('${gid(22)}',$,'Pset_WallCommon',$,(#21));`,
    `#23=IFCRELDEFINESBYPROPERTIES('${gid(23)}',$,$,$,(#10),#22);`,
    `#30=IFCSLAB('${gid(30)}',$,'Slab',$,$,$,$,$,.FLOOR.);`,
    `#31=IFCRELASSOCIATESMATERIAL('${gid(31)}',$,$,$,(#30),#11);`,
    `#32=IFCQUANTITYVOLUME('Netto-Volumen',$,$,4.5,$);`,
    `#33=IFCELEMENTQUANTITY('${gid(33)}',$,'ArchiCADQuantities',$,$,(#32));`,
    `#34=IFCRELDEFINESBYPROPERTIES('${gid(34)}',$,$,$,(#30),#33);`,
    `#40=IFCBEAM('${gid(40)}',$,'Beam',$,$,$,$,$,.BEAM.);`,
    `#41=IFCBEAMTYPE('${gid(41)}',$,'Glulam',$,$,$,$,$,$,.BEAM.);`,
    `#42=IFCMATERIAL('Holz',$,$);`,
    `#43=IFCRELASSOCIATESMATERIAL('${gid(43)}',$,$,$,(#41),#42);`,
    `#44=IFCRELDEFINESBYTYPE('${gid(44)}',$,$,$,(#40),#41);`,
    `#50=IFCCOLUMN('${gid(50)}',$,'Column',$,$,$,$,$,.COLUMN.);`,
    `#51=IFCRELDEFINESBYTYPE('${gid(51)}',$,$,$,(#50),#41);`,
    `#52=IFCQUANTITYVOLUME('GrossVolume',$,$,0.3,$);`,
    `#53=IFCELEMENTQUANTITY('${gid(53)}',$,'BaseQuantities',$,$,(#52));`,
    `#54=IFCRELDEFINESBYPROPERTIES('${gid(54)}',$,$,$,(#50),#53);`,
    `#60=IFCWINDOW('${gid(60)}',$,'Window',$,$,$,$,$,1500.,1000.,.WINDOW.,$,$);`,
    `#61=IFCRELASSOCIATESMATERIAL('${gid(61)}',$,$,$,(#60),#42);`,
    `#70=IFCSPACE('${gid(70)}',$,'Room',$,$,$,$,$,.ELEMENT.,.INTERNAL.,$);`,
  ];
  return [
    'ISO-10303-21;',
    'HEADER;',
    "FILE_DESCRIPTION(('ViewDefinition [DesignTransferView]'),'2;1');",
    "FILE_NAME('tiny.ifc','2026-12-04T00:00:00',(''),(''),'','Tsumiki test','');",
    "FILE_SCHEMA(('IFC4'));",
    'ENDSEC;',
    'DATA;',
    ...lines,
    'ENDSEC;',
    'END-ISO-10303-21;',
    '',
  ].join('\n');
}

/**
 * A sample from ../shared/samples beside the repository (CI lays shared/ there; a user's clone may
 * not have it: then undefined, and the caller skips saying so). In a git worktree the repository's
 * main checkout is the one shared/ sits beside.
 */
export function sharedSample(name: string): string | undefined {
  const repo = fileURLToPath(new URL('../../../../../', import.meta.url));
  const roots = [repo];
  try {
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(join(repo, '.git'), 'utf8'))?.[1];
    if (gitdir) roots.push(resolve(gitdir.trim(), '../../..'));
  } catch {
    // .git is a folder (a plain clone) or absent (an unpacked archive)
  }
  return roots.map((root) => join(root, '..', 'shared', 'samples', name)).find((p) => existsSync(p));
}
