// The only module that talks to Office.js: the task pane gets a WorkbookHost and never touches Excel itself.
//
// ExcelApi requirement set of every API used (from the "[Api set: …]" remarks of @types/office-js 1.0.612):
//   used unconditionally
//     Workbook.worksheets, WorksheetCollection.getItem, Worksheet.name, Worksheet.getRange,
//     Worksheet.activate/id, Range.select/values/numberFormat/address, RangeFill.color/clear 1.1
//     Workbook.settings, SettingCollection.add/getItemOrNullObject, Worksheet.getUsedRangeOrNullObject 1.4
//     Workbook.customXmlParts, CustomXmlPartCollection.add/getByNamespace, CustomXmlPart.getXml/delete 1.5
//     Application.suspendApiCalculationUntilNextSync                                       1.6
//     Worksheet.getRangeByIndexes, Workbook.name                                             1.7
//     Worksheet.getRanges (RangeAreas), RangeAreas.format.fill, RangeFill.pattern,
//     Range.getCellProperties (reads many fills in one call), WorksheetCollection.onChanged,
//     Application.suspendScreenUpdatingUntilNextSync                                         1.9
//   → the manifest asks for ExcelApi 1.9 (Excel 2021 / Microsoft 365 / Excel on the web; not Excel 2016/2019).
//   detected at run time with Office.context.requirements.isSetSupported, degrading gracefully
//     Workbook.comments / Comment (flag text when notes are missing)                        1.10
//     Range.getMergedAreasOrNullObject (snapshot merges; none without it)                   1.13
//     WorksheetChangedEventArgs.triggerSource (tell our own writes from the user's)         1.14
//     Workbook.notes / Note.getLocation (flag text as a classic note)                       1.18
//   Without notes or comments a flagged cell gets its fill only; capabilities().annotations says so.
import type { WorkbookHost } from './types';
import { createOfficeHostImpl } from './office-host';

export type { WorkbookHost, HostSettings, HostCapabilities, ApplyOptions } from './types';
export type { SheetOverride } from '../engine/types';
export { SEVERITY_FILL, REQUEST_BUDGET, ADDRESS_BUDGET, dateToSerial } from './office-host';
export { MARKS_NS } from './record';

/** The WorkbookHost over Office.js (or over the fake: pass fake.Excel and fake.Office). */
export function createOfficeHost(excel: typeof Excel, office?: typeof Office): WorkbookHost {
  return createOfficeHostImpl(excel, office);
}
