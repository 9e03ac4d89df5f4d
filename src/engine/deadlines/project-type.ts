// What a row's 项目类别 / 备注 / 项目名称 texts say about the project: Laizhou's 第八条 class, and O&M versus construction.
// Pure text functions (normalised text in, as RecordContext.text gives it), shared by the threshold and deadline rules.

/** Laizhou 第八条: 政务治理类 / 公共服务类 / 市场运营类 建设项目. */
export type ProjectClass = '政务治理' | '公共服务' | '市场运营';

const CLASSES: readonly ProjectClass[] = ['政务治理', '公共服务', '市场运营'];

/**
 * The one class a text names, null when it names none or more than one. A 项目类别 cell may write the bare stem
 * (公共服务); free text (备注) must write the class as the article does (公共服务类), since 备注 may well say a system
 * "provides public services" without classing the project.
 */
function classIn(text: string, withSuffix: boolean): ProjectClass | null {
  if (text === '') return null;
  let found: ProjectClass | null = null;
  for (let i = 0; i < CLASSES.length; i++) {
    const c = CLASSES[i];
    const at = text.indexOf(c);
    if (at < 0 || (withSuffix && text.charCodeAt(at + c.length) !== 0x7c7b /* 类 */)) continue;
    if (found !== null) return null;
    found = c;
  }
  return found;
}

/** The project's class from its 项目类别 cell, else its 备注; null when neither says (or one says two). */
export function projectClassOf(typeText: string, remarkText: string): ProjectClass | null {
  return classIn(typeText, false) ?? classIn(remarkText, true);
}

const MAINTENANCE = /运行维护|运维/;
// A text naming construction as well (建设及运维, 升级改造) is not an O&M-only project.
const CONSTRUCTION = /建设|新建|改建|扩建|续建|升级|改造|开发/;
// A construction project's 备注 about its own maintenance period (免费运维期3年, 质保期) is not a class.
const MAINTENANCE_TERM = /运维期|免费运维|质保|维保期/;
// A project name says O&M when it ends so: 政务云平台运维服务, 网络运行维护项目 (not 运维监控平台, a system).
const MAINTENANCE_NAME = /(?:运行维护|运维)(?:服务|保障)?(?:项目)?$/;

/**
 * The row says it is an O&M (运行维护) project rather than a 建设项目: its 项目类别 says 运维/运行维护, or its 备注 does
 * (not only about a maintenance period), or its name ends in 运维(服务)(项目).
 */
export function saysMaintenance(typeText: string, remarkText: string, nameText: string): boolean {
  // The first text that names either kind decides: a 项目类别 of 新建 is not overruled by a 备注 about 运维.
  if (typeText !== '') {
    if (CONSTRUCTION.test(typeText)) return false;
    if (MAINTENANCE.test(typeText)) return true;
  }
  if (remarkText !== '' && !MAINTENANCE_TERM.test(remarkText)) {
    if (CONSTRUCTION.test(remarkText)) return false;
    if (MAINTENANCE.test(remarkText)) return true;
  }
  return nameText !== '' && MAINTENANCE_NAME.test(nameText) && !CONSTRUCTION.test(nameText);
}
