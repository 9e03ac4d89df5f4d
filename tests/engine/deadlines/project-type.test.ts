// The project class (莱州第八条) and O&M-versus-construction readings of 项目类别 / 备注 / 项目名称 texts.
import { projectClassOf, saysMaintenance } from '../../../src/engine/deadlines/project-type';

describe('projectClassOf', () => {
  test.each<[string, string, string | null]>([
    ['政务治理类', '', '政务治理'],
    ['公共服务', '', '公共服务'],
    ['市场运营类建设项目', '', '市场运营'],
    ['', '政务治理类项目', '政务治理'],
    ['', '为群众提供公共服务', null], // free text must name the class with 类
    ['公共服务类', '原为政务治理类', '公共服务'], // the 项目类别 cell decides
    ['政务治理类/公共服务类', '', null],
    ['新建', '', null],
    ['', '', null],
  ])('项目类别 %s, 备注 %s → %s', (type, remark, cls) => {
    expect(projectClassOf(type, remark)).toBe(cls);
  });
});

describe('saysMaintenance', () => {
  test.each<[string, string, string, boolean]>([
    ['运行维护', '', '', true],
    ['运维项目', '', '', true],
    ['新建', '运维', '', false], // 项目类别 names construction: it decides
    ['', '运维', '', true],
    ['', '免费运维期3年', '', false],
    ['', '建设及三年运维', '', false],
    ['', '', '政务云平台运维服务项目', true],
    ['', '', '网络运行维护', true],
    ['', '', '运维监控平台', false],
    ['', '', '智慧城市平台建设及运维', false],
    ['升级改造', '', '数据中心运维', false],
    ['', '', '', false],
  ])('项目类别 %s, 备注 %s, 名称 %s → %s', (type, remark, name, om) => {
    expect(saysMaintenance(type, remark, name)).toBe(om);
  });
});
