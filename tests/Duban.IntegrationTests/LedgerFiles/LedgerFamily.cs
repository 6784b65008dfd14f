using System.Globalization;
using Duban.Sheets;
using Duban.Sheets.Ledgers;

namespace Duban.IntegrationTests.LedgerFiles;

/// <summary>
/// One thing a ledger says, as a person reads it: the value of a field in a row (dates as yyyy-MM-dd, amounts
/// in 万元, lists joined by "|"), or a fact about a column or the file. An uncertain fact has no right value: the
/// import must flag its cell (an error at that row and column) and take nothing.
/// </summary>
public sealed record Fact(int Row, string Column, string Field, string? Expected, bool Uncertain = false);

/// <summary>A generated ledger: the file, what kind it is, how it was laid out, and every fact it should yield.</summary>
public sealed record GeneratedLedger(int Seed, string FileName, LedgerKind Kind, string Layout, byte[] Content, IReadOnlyList<Fact> Facts, IReadOnlyList<int> DataRows)
{
    public override string ToString() => $"#{Seed} {FileName} ({Layout})";
}

/// <summary>
/// Writes task lists and project ledgers the way different offices lay them out: header wording and levels,
/// one- or two-row headers, group headers merged or written once, units (元/万元/亿元) in a note, a header or a
/// group, amounts written with their unit, dates as text, as date cells and as numbers, merged leaders and
/// units, sections, subtotals and totals, notes and footers, column-number rows, instruction sheets before or
/// after the data — each file with the facts it should give. Seeded, so every run writes the same family.
/// </summary>
public static class LedgerFamily
{
    /// <summary>The units of the family's region: (name, short name), and how ledgers write them.</summary>
    public static readonly (string Name, string? Short)[] Units =
    [
        ("县发展和改革局", "县发改局"), ("县财政局", null), ("县工业和信息化局", "县工信局"), ("县住房和城乡建设局", "县住建局"),
        ("县交通运输局", null), ("县农业农村局", null), ("县水利局", null), ("县商务局", null), ("县教育局", null),
        ("县卫生健康局", "县卫健局"), ("县应急管理局", null), ("县文化和旅游局", "县文旅局"), ("开发区招商服务局", null),
        ("城关镇", null), ("河口镇", null), ("青石镇", null), ("白沙乡", null), ("东山街道", null),
    ];

    public static readonly string[] Leaders = ["王建国", "李明华", "张卫东", "陈晓燕", "刘志强"];

    public const int Year = 2026;

    public static IEnumerable<GeneratedLedger> Generate(int count, int firstSeed = 1) =>
        Enumerable.Range(firstSeed, count).Select(seed => seed % 2 == 0 ? Projects(seed) : Tasks(seed));

    private static readonly string[] TaskTopics = ["招商引资", "企业上市", "安全生产", "老旧小区改造", "农村公路", "营商环境", "人才引进", "河道治理", "数字乡村", "垃圾分类", "文旅融合", "就业帮扶"];
    private static readonly string[] ProjectTopics = ["新能源电池", "智能制造产业园", "污水管网", "省道改线", "人民医院迁建", "未来社区", "冷链物流", "光伏发电", "职业学校", "文旅综合体", "数据中心", "农产品加工"];
    private static readonly string[] Texts = ["已完成方案编制", "正在推进前期手续", "完成投资约六成", "已召开专题协调会", "-已完成60%", "=按计划推进", "+新增2家企业", "用地报批中", "施工队伍已进场", "资金已下达"];
    private static readonly string[] Stewards = ["孙磊", "郑凯", "黄伟", "冯丽", "许静", "何平"];

    private static readonly string[] LeaderHeaders = ["责任领导", "分管领导", "牵头领导", "包联领导", "县级领导", "责任县领导", "分管县领导", "分管区领导", "县级包联领导", "区级责任领导", "市级领导", "包联县领导", "联系领导", "分管副县长", "*责任领导"];

    // ---------------------------------------------------------------- tasks

    private static GeneratedLedger Tasks(int seed)
    {
        var rnd = new Random(seed);
        var b = new Book();
        var layout = new List<string>();
        var columns = new List<Column>
        {
            new("number", Pick(rnd, "序号", "编号")),
            new("name", Decorate(rnd, Pick(rnd, "重点任务", "任务名称", "工作任务", "重点工作", "事项名称", "重点工作任务", "*重点任务"))),
            new("content", Decorate(rnd, Pick(rnd, "具体目标", "目标任务", "具体目标（量化指标）", "目标要求", "工作目标"))),
        };
        if (rnd.Next(3) > 0)
        {
            columns.Add(new("milestones", Pick(rnd, "时间节点", "节点安排", "推进计划", "进度安排")));
        }

        var responsibility = rnd.Next(4);
        var leaderHeader = Pick(rnd, LeaderHeaders);
        if (responsibility == 0)
        {
            // 责任分工 over leader, lead and supporting units.
            layout.Add("group 责任分工");
            columns.Add(new("leader", leaderHeader, "责任分工"));
            columns.Add(new("leadUnit", Pick(rnd, "牵头单位", "责任单位"), "责任分工"));
            columns.Add(new("supportingUnits", Pick(rnd, "配合单位", "协办单位"), "责任分工"));
        }
        else if (responsibility == 1)
        {
            // 责任单位 over 牵头 / 配合.
            layout.Add("group 责任单位");
            columns.Add(new("leader", leaderHeader));
            columns.Add(new("leadUnit", "牵头", "责任单位"));
            columns.Add(new("supportingUnits", "配合", "责任单位"));
        }
        else
        {
            columns.Add(new("leader", Decorate(rnd, leaderHeader)));
            columns.Add(new("leadUnit", Decorate(rnd, Pick(rnd, "牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门", "主办单位", "牵头责任单位"))));
            if (rnd.Next(3) > 0)
            {
                columns.Add(new("supportingUnits", Pick(rnd, "配合单位", "协办单位", "配合部门", "参与单位")));
            }
        }

        columns.Add(new("deadline", Decorate(rnd, Pick(rnd, "完成时限", "完成时间", "时限要求", "办结时限", "截止时间"))));
        columns.Add(new("progress", Pick(rnd, "进展情况", "工作进展", "推进情况", "完成情况", "目前进展", "落实情况")));
        if (rnd.Next(2) == 0)
        {
            columns.Add(new("problems", Pick(rnd, "存在问题", "问题及困难", "存在问题及下步打算", "下步打算")));
        }

        if (rnd.Next(3) == 0)
        {
            columns.Add(new("liaison", Pick(rnd, "联络员", "具体责任人", "经办人", "联系人")));
        }

        if (rnd.Next(2) == 0)
        {
            columns.Insert(rnd.Next(2, columns.Count), new(null, Pick(rnd, "备注", "督查意见", "评价等次")));
        }

        var title = rnd.Next(4) == 0 ? "县委县政府重点工作任务清单" : $"青山县{Year}年{Pick(rnd, "重点工作任务清单", "“奋战四季度”任务清单", "重点工作推进台账")}";
        var sheet = b.Sheet(Pick(rnd, "任务清单", "Sheet1", "清单", $"{Year}年"), before: rnd.Next(3) == 0 ? Instructions(rnd) : null, after: rnd.Next(4) == 0 ? Dictionary(rnd) : null);
        sheet.Title(title, columns.Count);
        if (rnd.Next(2) == 0)
        {
            sheet.Note("牵头部门：县委督查室            报送要求：每周五下午3点前报送进展情况", columns.Count);
        }

        var header = sheet.Header(columns, merged: rnd.Next(4) > 0, layout);
        var facts = new List<Fact>();
        facts.AddRange(header.Facts);
        if (rnd.Next(5) == 0)
        {
            sheet.ColumnNumbers(columns.Count);
            layout.Add("column numbers");
        }

        var sections = SectionPlan(rnd, ["聚焦提质增效，推进经济高质量发展", "聚焦品质提升，推进城市建设", "聚焦民生福祉", "聚焦安全稳定"]);
        var number = 1;
        var dataRows = new List<int>();
        foreach (var (section, sub, count) in sections)
        {
            sheet.Section(rnd, section, sub, columns, facts);
            var rows = new List<Dictionary<string, CellValue?>>();
            var names = new List<Fact>();
            var runs = new Runs(rnd, count);
            for (var k = 0; k < count; k++)
            {
                var r = sheet.NextRow;
                dataRows.Add(r);
                var values = new Dictionary<string, CellValue?>();
                string Letter(string field) => header.Letter(field);
                void Fact(string field, string? expected, bool uncertain = false)
                {
                    if (header.Has(field))
                    {
                        facts.Add(new Fact(r, Letter(field), field, expected, uncertain));
                    }
                }

                values["number"] = CellValue.Of((decimal)number);
                Fact("number", Str(number));
                var name = $"{Pick(rnd, TaskTopics)}专项行动第{number}项";
                values["name"] = CellValue.Of(name);
                Fact("name", name);
                var content = $"{Pick(rnd, "完成", "实现", "推动")}{Pick(rnd, TaskTopics)}目标{number}";
                values["content"] = CellValue.Of(content);
                Fact("content", content);
                if (header.Has("milestones"))
                {
                    var (text, dues, notes) = Milestones(rnd);
                    if (text is not null)
                    {
                        values["milestones"] = CellValue.Of(text);
                        Fact("milestones", dues.Count > 0 ? string.Join("|", dues.Select(Str)) : null);
                        if (notes is not null)
                        {
                            facts.Add(new Fact(r, Letter("milestones"), "milestoneNotes", notes));
                        }
                    }
                }

                var lead = Responsibility(rnd, runs, k, values, (field, expected) => Fact(field, expected));
                if (header.Has("supportingUnits") && rnd.Next(3) > 0)
                {
                    var supporting = WrittenUnits.Where(u => FullName(u) != FullName(lead)).OrderBy(_ => rnd.Next()).Take(rnd.Next(1, 3)).ToList();
                    values["supportingUnits"] = CellValue.Of(string.Join(Pick(rnd, "、", "，", "；", "\n"), supporting));
                    Fact("supportingUnits", string.Join("|", supporting));
                }

                var (deadlineCell, deadline, doubtful) = DateCell(rnd, "deadline", Year);
                values["deadline"] = deadlineCell;
                Fact("deadline", deadline, doubtful);
                if (rnd.Next(4) > 0)
                {
                    var progress = $"{Pick(rnd, Texts)}（{number}）";
                    values["progress"] = CellValue.Of(progress);
                    Fact("progress", progress);
                }

                if (header.Has("problems") && rnd.Next(2) == 0)
                {
                    var problems = $"{Pick(rnd, "用地指标未落实", "资金缺口较大", "审批进度滞后", "群众意见不一")}{number}";
                    values["problems"] = CellValue.Of(problems);
                    Fact("problems", problems);
                }

                if (header.Has("liaison") && rnd.Next(3) > 0)
                {
                    var liaison = Pick(rnd, Stewards);
                    values["liaison"] = CellValue.Of(liaison);
                    Fact("liaison", liaison);
                }

                values[string.Empty] = rnd.Next(3) == 0 ? CellValue.Of(Pick(rnd, "按期推进", "需加快", "已办结")) : null;
                if (section is not null)
                {
                    facts.Add(new Fact(r, "B", "section", sub is null ? section : $"{section} / {sub}"));
                }

                rows.Add(values);
                number++;
                sheet.Row(columns, values);
            }

            runs.Merge(sheet, header, dataRows[^count]);
        }

        if (rnd.Next(2) == 0)
        {
            sheet.Total(columns, header, "合计", $"共{number - 1}项", []);
        }

        sheet.Footer(rnd, columns.Count);
        return new GeneratedLedger(seed, $"tasks-{seed}.xlsx", LedgerKind.Tasks, string.Join(", ", layout), b.Write(), facts, dataRows);
    }

    // ---------------------------------------------------------------- projects

    private static GeneratedLedger Projects(int seed)
    {
        var rnd = new Random(seed);
        var b = new Book();
        var layout = new List<string>();
        var month = rnd.Next(6, 12);

        // The sheet's unit, said in a note (or not said: 万元), and a column's own unit in its header or group.
        var sheetUnit = Pick(rnd, "万元", "万元", "亿元", "元", null);
        layout.Add("unit " + (sheetUnit ?? "unstated"));
        string? asOf = rnd.Next(3) > 0 ? $"统计截止：{Year}年{month}月{DateTime.DaysInMonth(Year, month)}日" : null;
        var amounts = rnd.Next(7);
        var columns = new List<Column>
        {
            new("number", Pick(rnd, "序号", "编号")),
            new("name", Decorate(rnd, Pick(rnd, "项目名称", "*项目名称", "项目名"))),
            new("scale", Pick(rnd, "建设内容及规模", "建设内容", "主要建设内容", "建设规模")),
        };
        if (rnd.Next(3) > 0)
        {
            columns.Add(new("nature", Pick(rnd, "建设性质", "项目性质")));
        }

        if (rnd.Next(2) == 0)
        {
            columns.Add(new("years", Pick(rnd, "建设起止年限", "起止年限", "建设年限")));
        }

        var groupUnit = Pick(rnd, null, null, "（万元）", "（亿元）");
        var completedMonthKnown = true;
        switch (amounts)
        {
            case 0:
                layout.Add("amounts in one row");
                columns.Add(new("totalInvestment", Decorate(rnd, Pick(rnd, "总投资", "计划总投资", "项目总投资")) + (groupUnit ?? string.Empty)));
                columns.Add(new("annualPlan", Pick(rnd, $"{Year}年计划投资", "年度计划投资", "本年计划投资", "年度计划", $"{Year}年计划") + (groupUnit ?? string.Empty)));
                columns.Add(new("completedToDate", Pick(rnd, $"1-{month}月完成投资", $"1—{month}月\n累计完成", $"截至{month}月底累计完成投资", $"1-{month}月累计完成") + (groupUnit ?? string.Empty)));
                break;
            case 1:
                layout.Add("group 投资情况");
                var g = "投资情况" + (groupUnit ?? string.Empty);
                columns.Add(new("totalInvestment", "总投资", g));
                columns.Add(new("annualPlan", Pick(rnd, $"{Year}年计划投资", "年度计划"), g));
                columns.Add(new("completedToDate", Pick(rnd, $"1-{month}月完成投资", $"1-{month}月累计完成"), g));
                columns.Add(new(null, "完成率(%)", g) { Ignored = true });
                break;
            case 2:
                layout.Add("groups 年度计划 / 1-M月累计完成");
                columns.Add(new("totalInvestment", "总投资" + (groupUnit ?? string.Empty)));
                columns.Add(new("annualPlan", Pick(rnd, "投资额", "金额", "投资"), "年度计划" + (groupUnit ?? string.Empty)));
                columns.Add(new(null, Pick(rnd, "形象进度", "建设内容"), "年度计划" + (groupUnit ?? string.Empty)));
                columns.Add(new("completedToDate", Pick(rnd, "投资额", "金额", "投资"), $"1-{month}月累计完成" + (groupUnit ?? string.Empty)));
                columns.Add(new(null, "完成率", $"1-{month}月累计完成" + (groupUnit ?? string.Empty)) { Ignored = true });
                break;
            case 3:
                layout.Add($"group {Year}年 over 计划/完成");
                columns.Add(new("totalInvestment", "总投资" + (groupUnit ?? string.Empty)));
                columns.Add(new("annualPlan", "计划", $"{Year}年" + (groupUnit ?? string.Empty)));
                columns.Add(new("completedToDate", "完成", $"{Year}年" + (groupUnit ?? string.Empty)));
                completedMonthKnown = asOf is not null;
                break;
            case 4:
                layout.Add("no amount done (month in the title only)");
                columns.Add(new("totalInvestment", "总投资" + (groupUnit ?? string.Empty)));
                columns.Add(new("annualPlan", $"{Year}年计划投资" + (groupUnit ?? string.Empty)));
                asOf ??= $"截至{month}月底";
                break;
            case 5:
                layout.Add("cumulative without a month");
                columns.Add(new("totalInvestment", "总投资" + (groupUnit ?? string.Empty)));
                columns.Add(new("annualPlan", "年度计划投资" + (groupUnit ?? string.Empty)));
                columns.Add(new("completedToDate", "累计完成投资" + (groupUnit ?? string.Empty)));
                completedMonthKnown = asOf is not null;
                break;
            default:
                layout.Add("group 投资情况 written once, not merged");
                columns.Add(new("totalInvestment", "总投资", "投资情况") { Unmerged = true });
                columns.Add(new("annualPlan", "年度计划", "投资情况") { Unmerged = true });
                columns.Add(new("completedToDate", $"1-{month}月累计完成", "投资情况") { Unmerged = true });
                break;
        }

        columns.Add(new("physicalProgress", Pick(rnd, "形象进度", "工程进度", "目前进展")));
        columns.Add(new("stage", Pick(rnd, "项目阶段", "推进阶段", "所处阶段")));
        if (rnd.Next(2) == 0)
        {
            columns.Add(new("problems", Pick(rnd, "存在问题", "存在的问题", "需协调解决的问题")));
        }

        columns.Add(new("leader", Decorate(rnd, Pick(rnd, LeaderHeaders))));
        columns.Add(new("leadUnit", Decorate(rnd, Pick(rnd, "责任单位", "牵头单位", "主责单位", "责任部门"))));
        if (rnd.Next(2) == 0)
        {
            columns.Add(new("steward", Pick(rnd, "项目管家", "包联干部", "服务专员")));
        }

        if (rnd.Next(2) == 0)
        {
            columns.Add(new("town", Pick(rnd, "所在乡镇", "所在乡镇（街道）", "建设地点", "项目地点")));
        }

        if (rnd.Next(2) == 0)
        {
            columns.Add(new("plannedStart", Pick(rnd, "计划开工时间", "开工时间")));
            columns.Add(new("plannedEnd", Pick(rnd, "计划竣工时间", "竣工时间")));
        }

        if (rnd.Next(3) == 0)
        {
            columns.Add(new("ownerCompany", Pick(rnd, "项目业主", "业主单位", "建设单位")));
        }

        if (rnd.Next(3) == 0)
        {
            columns.Insert(rnd.Next(3, columns.Count), new(null, Pick(rnd, "备注", "投资方", "产业类别")));
        }

        // Two-row headers put every single column in a vertical merge; a group written once and not merged
        // leaves the other columns unmerged too.
        var unmergedLayout = columns.Any(c => c.Unmerged);
        var sheet = b.Sheet(Pick(rnd, "重点项目", "Sheet1", "项目台账", $"{Year}年"), before: rnd.Next(3) == 0 ? Instructions(rnd) : null, after: rnd.Next(4) == 0 ? Dictionary(rnd) : null);
        sheet.Title(rnd.Next(5) == 0 ? "重点项目推进台账" : $"青山县{Year}年重点项目推进台账" + (rnd.Next(4) == 0 && sheetUnit is not null ? $"（单位：{sheetUnit}）" : string.Empty), columns.Count);
        var note = string.Join("            ", new[] { rnd.Next(2) == 0 ? "填报单位：县发展和改革局（盖章）" : null, sheetUnit is null ? null : $"单位：{sheetUnit}", asOf }.Where(x => x is not null));
        if (note.Length > 0)
        {
            sheet.Note(note, columns.Count);
        }

        var header = sheet.Header(columns, merged: !unmergedLayout, layout);
        var facts = new List<Fact>(header.Facts);
        var sayMonth = columns.Any(c => c.Field == "completedToDate");
        if (sayMonth)
        {
            facts.Add(new Fact(header.FirstRow, header.Letter("completedToDate"), "completedMonth", completedMonthKnown ? Str(month) : null, Uncertain: !completedMonthKnown));
        }
        else
        {
            // The title's month without a column of amounts done: no month, and no crash.
            facts.Add(new Fact(0, string.Empty, "completedMonth", null));
        }

        if (rnd.Next(6) == 0)
        {
            sheet.ColumnNumbers(columns.Count);
            layout.Add("column numbers");
        }

        var sections = SectionPlan(rnd, ["产业项目", "基础设施项目", "社会民生项目"]);
        var number = 1;
        var dataRows = new List<int>();
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (section, sub, count) in sections)
        {
            sheet.Section(rnd, section, sub, columns, facts);
            var runs = new Runs(rnd, count);
            var subtotal = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (var k = 0; k < count; k++)
            {
                var r = sheet.NextRow;
                dataRows.Add(r);
                var values = new Dictionary<string, CellValue?>();
                void Fact(string field, string? expected, bool uncertain = false)
                {
                    if (header.Has(field))
                    {
                        facts.Add(new Fact(r, header.Letter(field), field, expected, uncertain));
                    }
                }

                values["number"] = CellValue.Of((decimal)number);
                Fact("number", Str(number));
                var name = $"{Pick(rnd, ProjectTopics)}项目（{number}）";
                values["name"] = CellValue.Of(name);
                Fact("name", name);
                var scale = $"建设{Pick(rnd, "厂房", "管网", "道路", "病房楼", "光伏电站")}{rnd.Next(2, 90)}{Pick(rnd, "万平方米", "公里", "兆瓦")}";
                values["scale"] = CellValue.Of(scale);
                Fact("scale", scale);
                if (header.Has("nature"))
                {
                    var (word, value) = Pick(rnd, ("新建", "0"), ("续建", "1"), ("改扩建", "0"), ("竣工", "2"), ("前期", "3"), ("新建", "0"), ("迁建", null));
                    values["nature"] = CellValue.Of(word);
                    Fact("nature", value, value is null);
                }

                if (header.Has("years"))
                {
                    var start = rnd.Next(2024, 2027);
                    var end = start + rnd.Next(0, 4);
                    values["years"] = rnd.Next(5) == 0 && start == end ? CellValue.Of((decimal)start) : CellValue.Of(Pick(rnd, $"{start}-{end}", $"{start}—{end}年", $"{start}.3-{end}.12", $"{start}年至{end}年"));
                    Fact("years", $"{start}-{end}");
                }

                var total = rnd.Next(10, 5000) * 100m;
                var plan = Math.Round(total * rnd.Next(10, 60) / 100m, 0) * 1m;
                var done = Math.Round(plan * rnd.Next(0, 120) / 100m, 0);
                foreach (var (field, amount) in new[] { ("totalInvestment", total), ("annualPlan", plan), ("completedToDate", done) })
                {
                    if (!header.Has(field))
                    {
                        continue;
                    }

                    var unit = header.Unit(field) ?? sheetUnit ?? "万元";
                    var (cell, expected, doubtful) = AmountCell(rnd, amount, unit);
                    values[field] = cell;
                    Fact(field, expected, doubtful);
                    if (!doubtful && cell?.Number is { } n)
                    {
                        subtotal[field] = subtotal.GetValueOrDefault(field) + n;
                        totals[field] = totals.GetValueOrDefault(field) + n;
                    }
                }

                var progress = $"{Pick(rnd, Texts)}（{number}）";
                values["physicalProgress"] = CellValue.Of(progress);
                Fact("physicalProgress", progress);
                var (stageWord, stage) = Pick(rnd, ("开工", "2"), ("在建", "2"), ("签约", "1"), ("已签约", "1"), ("投产", "3"), ("已投产", "3"), ("竣工", "3"), ("完工", "3"), ("前期", "0"), ("谋划", "0"), ("达效", "4"), ("未开工", null), ("终止", null), ("暂停", null));
                values["stage"] = CellValue.Of(stageWord);
                Fact("stage", stage, stage is null);
                if (header.Has("problems") && rnd.Next(2) == 0)
                {
                    var problems = $"{Pick(rnd, "用地指标未落实", "环评批复滞后", "征迁进度滞后")}（{number}）";
                    values["problems"] = CellValue.Of(problems);
                    Fact("problems", problems);
                }

                _ = Responsibility(rnd, runs, k, values, (field, expected) => Fact(field, expected));
                if (header.Has("steward") && rnd.Next(3) > 0)
                {
                    var steward = Pick(rnd, Stewards);
                    values["steward"] = CellValue.Of(steward);
                    Fact("steward", steward);
                }

                if (header.Has("town") && rnd.Next(3) > 0)
                {
                    var town = Pick(rnd, "城关镇", "河口镇", "青石镇", "白沙乡", "东山街道");
                    values["town"] = CellValue.Of(town);
                    Fact("town", town);
                }

                if (header.Has("plannedStart"))
                {
                    var (startCell, start, startDoubtful) = DateCell(rnd, "plannedStart", Year);
                    var (endCell, end, endDoubtful) = DateCell(rnd, "plannedEnd", Year + 1);
                    values["plannedStart"] = startCell;
                    values["plannedEnd"] = endCell;
                    Fact("plannedStart", start, startDoubtful);
                    Fact("plannedEnd", end, endDoubtful);
                }

                if (header.Has("ownerCompany"))
                {
                    var owner = $"青山{Pick(rnd, "城投", "交投", "文旅", "产投")}集团有限公司";
                    values["ownerCompany"] = CellValue.Of(owner);
                    Fact("ownerCompany", owner);
                }

                values[string.Empty] = rnd.Next(3) == 0 ? CellValue.Of(Pick(rnd, "市级重点", "新增", "某新能源科技股份有限公司")) : null;
                if (section is not null)
                {
                    facts.Add(new Fact(r, "B", "section", sub is null ? section : $"{section} / {sub}"));
                }

                number++;
                sheet.Row(columns, values);
            }

            runs.Merge(sheet, header, dataRows[^count]);
            if (section is not null && rnd.Next(3) == 0)
            {
                sheet.Total(columns, header, "小计", null, subtotal);
            }
        }

        if (rnd.Next(3) > 0)
        {
            sheet.Total(columns, header, Pick(rnd, "合计", "总计", "全县合计"), null, totals);
        }

        sheet.Footer(rnd, columns.Count);
        return new GeneratedLedger(seed, $"projects-{seed}.xlsx", LedgerKind.Projects, string.Join(", ", layout), b.Write(), facts, dataRows);
    }

    // ---------------------------------------------------------------- values

    /// <summary>A row's leader (now and then none) and lead unit, each written once and merged down over a few rows now and then.</summary>
    private static string Responsibility(Random rnd, Runs runs, int k, Dictionary<string, CellValue?> values, Action<string, string?> fact)
    {
        runs.Value("leader", k, () => rnd.Next(6) == 0 ? null : Pick(rnd, Leaders), out var leader, out var leaderCell);
        values["leader"] = leaderCell;
        if (leader is not null)
        {
            fact("leader", leader);
            fact("leader.match", leader);
        }

        runs.Value("leadUnit", k, () => Pick(rnd, WrittenUnits), out var lead, out var leadCell);
        values["leadUnit"] = leadCell;
        fact("leadUnit", lead);
        fact("leadUnit.match", FullName(lead!));
        return lead!;
    }

    private static readonly string[] WrittenUnits = Units.SelectMany(u => u.Short is null ? [u.Name] : new[] { u.Name, u.Short }).ToArray();

    private static string FullName(string written) => Units.First(u => u.Name == written || u.Short == written).Name;

    /// <summary>A date cell as people fill one in, with the date it means, or doubtful when it has none for sure.</summary>
    private static (CellValue? Cell, string? Date, bool Doubtful) DateCell(Random rnd, string field, int year)
    {
        var month = rnd.Next(1, 13);
        var day = rnd.Next(1, 29);
        var end = DateTime.DaysInMonth(year, month);
        return rnd.Next(16) switch
        {
            0 => (CellValue.Of(new DateOnly(year, month, day)), Str(new DateOnly(year, month, day)), false),
            1 => (CellValue.Of($"{year}年{month}月{day}日"), Str(new DateOnly(year, month, day)), false),
            2 => (CellValue.Of($"{year}-{month:00}-{day:00}"), Str(new DateOnly(year, month, day)), false),
            3 => (CellValue.Of($"{year}/{month}/{day}"), Str(new DateOnly(year, month, day)), false),
            4 => (CellValue.Of($"{year}年{month}月"), Str(new DateOnly(year, month, end)), false),
            5 => (CellValue.Of($"{month}月底前"), Str(new DateOnly(Year, month, DateTime.DaysInMonth(Year, month))), false),
            6 => (CellValue.Of(Pick(rnd, "年底", "年底前", "12月底")), Str(new DateOnly(Year, 12, 31)), false),

            // Typed as 2026.6 or 2026.12: Excel keeps a number, in a date-formatted column or not.
            7 or 8 => MonthNumber(rnd, year, month is 1 or 10 ? 6 : month, asDate: rnd.Next(2) == 0),
            9 => (CellValue.Of((decimal)(year * 10_000 + month * 100 + day)), Str(new DateOnly(year, month, day)), false),

            // 2026.1 may be January or an October Excel shortened; 2026.10 is stored as 2026.1.
            10 => (Number(year + (rnd.Next(2) == 0 ? 0.1m : 0.10m), asDate: rnd.Next(2) == 0), null, true),

            // A date cell from another century, a relative deadline, a bare year: nothing to take for sure.
            11 => (CellValue.Of(new DateOnly(rnd.Next(1900, 1990), month, day)), null, true),
            12 => (CellValue.Of(Pick(rnd, "一周内", "长期坚持", "尽快", "每月")), null, true),
            13 => (Number(year, asDate: false), null, true),
            14 => (CellValue.Of($"{year}.{month}.{day}"), Str(new DateOnly(year, month, day)), false),
            _ => (CellValue.Of($"{month}月{day}日前"), Str(new DateOnly(Year, month, day)), false),
        };
    }

    private static (CellValue?, string?, bool) MonthNumber(Random rnd, int year, int month, bool asDate) =>
        (Number(year + (month / (month >= 10 ? 100m : 10m)), asDate), Str(new DateOnly(year, month, DateTime.DaysInMonth(year, month))), false);

    private static CellValue Number(decimal value, bool asDate) => new(null, value, null, null, asDate ? CellStyle.Date : CellStyle.Number);

    /// <summary>An amount in 万元 written in a column whose unit is <paramref name="unit"/>, or with its own unit.</summary>
    private static (CellValue? Cell, string? Expected, bool Doubtful) AmountCell(Random rnd, decimal amount, string unit)
    {
        var factor = unit switch { "亿元" => 10_000m, "元" => 0.0001m, _ => 1m };
        return rnd.Next(14) switch
        {
            0 => (CellValue.Of($"{Str(amount / 10_000m)}亿"), Str(amount), false),
            1 => (CellValue.Of($"{Str(amount)}万元"), Str(amount), false),
            2 => (CellValue.Of($"{Str(amount / 10_000m)}亿元"), Str(amount), false),
            3 => (CellValue.Of($"约{Str(amount / factor)}"), null, true),
            4 => (CellValue.Of(-Math.Max(amount, 100m) / factor), null, true),
            5 => (CellValue.Of(Str(amount / factor)), Str(amount), false),
            _ => (CellValue.Of(amount / factor), Str(amount), false),
        };
    }

    private static (string? Text, List<DateOnly> Dues, string? Notes) Milestones(Random rnd)
    {
        var parts = rnd.Next(0, 4);
        if (parts == 0)
        {
            return (null, [], null);
        }

        var months = Enumerable.Range(3, 10).OrderBy(_ => rnd.Next()).Take(parts).Order().ToList();
        var texts = new List<string>();
        var dues = new List<DateOnly>();
        foreach (var m in months)
        {
            if (rnd.Next(2) == 0)
            {
                texts.Add($"{m}月底前{Pick(rnd, "完成方案", "签约1个", "开工建设", "完成验收")}");
                dues.Add(new DateOnly(Year, m, DateTime.DaysInMonth(Year, m)));
            }
            else
            {
                var d = rnd.Next(1, 29);
                texts.Add($"{m}月{d}日前{Pick(rnd, "完成备案", "召开推进会", "报送材料")}");
                dues.Add(new DateOnly(Year, m, d));
            }
        }

        string? notes = null;
        if (rnd.Next(4) == 0)
        {
            notes = Pick(rnd, "每月报送进展", "持续推进");
            texts.Add(notes);
        }

        return (string.Join(Pick(rnd, "；", "\n", "。"), texts), dues, notes);
    }

    private static List<(string? Section, string? Sub, int Count)> SectionPlan(Random rnd, string[] names)
    {
        if (rnd.Next(4) == 0)
        {
            return [(null, null, rnd.Next(3, 9))];
        }

        var plan = new List<(string?, string?, int)>();
        foreach (var name in names.Take(rnd.Next(2, names.Length + 1)))
        {
            if (rnd.Next(4) == 0)
            {
                plan.Add((name, "重点推进", rnd.Next(1, 4)));
                plan.Add((name, "谋划储备", rnd.Next(1, 3)));
            }
            else
            {
                plan.Add((name, null, rnd.Next(1, 5)));
            }
        }

        return plan;
    }

    private static Grid Instructions(Random rnd)
    {
        var grid = new Grid(Pick(rnd, "填报说明", "填表说明", "注意事项"));
        grid.Add(CellValue.Of("1. 金额单位以表头为准；2. 日期请写到月；3. 阶段请从下拉选项中选择。"));
        grid.Add(CellValue.Of("4. 项目名称不得重复。"));
        return grid;
    }

    private static Grid Dictionary(Random rnd)
    {
        var grid = new Grid(Pick(rnd, "下拉选项", "字典"));
        grid.Add(CellValue.Of("项目阶段"), CellValue.Of("建设性质"));
        grid.Add(CellValue.Of("签约"), CellValue.Of("新建"));
        grid.Add(CellValue.Of("开工"), CellValue.Of("续建"));
        return grid;
    }

    private static string Decorate(Random rnd, string header) => rnd.Next(6) switch
    {
        0 when header.Length >= 4 => header[..2] + "\n" + header[2..],
        1 => " " + header + "\u3000",
        _ => header,
    };

    private static T Pick<T>(Random rnd, params T[] items) => items[rnd.Next(items.Length)];

    internal static string Str(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    internal static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Str(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- layout

    /// <summary>A column to write: the field it holds (null: a column no field should take) and its header, under a group or not.</summary>
    private sealed record Column(string? Field, string Header, string? Group = null)
    {
        /// <summary>A group written once over its columns and not merged.</summary>
        public bool Unmerged { get; init; }

        /// <summary>Read as a known column that is not imported (完成率).</summary>
        public bool Ignored { get; init; }
    }

    private sealed class HeaderInfo(Dictionary<string, int> positions, Dictionary<string, string?> units, int firstRow, List<Fact> facts)
    {
        public int FirstRow => firstRow;
        public List<Fact> Facts => facts;

        public bool Has(string field) => positions.ContainsKey(field.Split('.')[0]);

        public string Letter(string field) => CellReference.ColumnName(positions[field.Split('.')[0]]);

        public int Position(string field) => positions[field];

        public string? Unit(string field) => units.GetValueOrDefault(field);
    }

    /// <summary>Values written once and merged down over a few rows (a leader or a lead unit for several items).</summary>
    private sealed class Runs(Random rnd, int rows)
    {
        private readonly Dictionary<string, (int Start, int Length, string? Value)> current = [];
        private readonly List<(string Field, int Start, int Length)> merges = [];

        public void Value(string field, int k, Func<string?> make, out string? value, out CellValue? cell)
        {
            if (current.TryGetValue(field, out var run) && k < run.Start + run.Length)
            {
                value = run.Value;
                cell = null;
                return;
            }

            var length = rnd.Next(4) == 0 ? Math.Min(rnd.Next(2, 4), rows - k) : 1;
            value = make();
            if (value is null)
            {
                length = 1;
            }

            current[field] = (k, length, value);
            if (length > 1)
            {
                merges.Add((field, k, length));
            }

            cell = value is null ? null : CellValue.Of(value);
        }

        public void Merge(Sheet sheet, HeaderInfo header, int firstRow)
        {
            foreach (var (field, start, length) in merges)
            {
                var c = header.Position(field);
                sheet.Grid.Merge(firstRow + start, c, firstRow + start + length - 1, c);
            }
        }
    }

    private sealed class Sheet(Grid grid)
    {
        public Grid Grid => grid;

        public int NextRow => grid.Rows.Count + 1;

        public void Title(string title, int width)
        {
            var r = grid.Add(CellValue.Of(title, CellStyle.Title));
            grid.Merge(r, 1, r, width);
        }

        public void Note(string note, int width)
        {
            var r = grid.Add(CellValue.Of(note, CellStyle.Note));
            grid.Merge(r, 1, r, width);
        }

        public HeaderInfo Header(List<Column> columns, bool merged, List<string> layout)
        {
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            var units = new Dictionary<string, string?>(StringComparer.Ordinal);
            var facts = new List<Fact>();
            var twoRows = columns.Any(c => c.Group is not null);
            var first = NextRow;
            layout.Add(twoRows ? merged ? "two-row header" : "two-row header, no merges" : "one-row header");
            var top = new CellValue?[columns.Count];
            var below = new CellValue?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var c = i + 1;
                if (column.Group is null)
                {
                    top[i] = CellValue.Of(column.Header, CellStyle.Header);
                    if (twoRows && merged)
                    {
                        grid.Merge(first, c, first + 1, c);
                    }
                }
                else
                {
                    var starts = i == 0 || columns[i - 1].Group != column.Group;
                    if (starts)
                    {
                        top[i] = CellValue.Of(column.Group, CellStyle.Header);
                        var span = columns.Skip(i).TakeWhile(x => x.Group == column.Group).Count();
                        if (merged && !column.Unmerged && span > 1)
                        {
                            grid.Merge(first, c, first, c + span - 1);
                        }
                    }

                    below[i] = CellValue.Of(column.Header, CellStyle.Header);
                }

                var letter = CellReference.ColumnName(c);
                if (column.Field is { } field)
                {
                    positions[field] = c;
                    units[field] = HeaderText.AmountUnit(column.Header) ?? HeaderText.AmountUnit(column.Group);
                    facts.Add(new Fact(first, letter, "mapped", field));
                }
                else
                {
                    // A column no field should take is shown as not mapped; 完成率 is known and left out.
                    facts.Add(new Fact(first, letter, "mapped", column.Ignored ? "completionRate" : null));
                    facts.Add(new Fact(first, letter, "unmapped", column.Ignored ? "false" : "true"));
                }
            }

            grid.Add(top);
            if (twoRows)
            {
                grid.Add(below);
            }

            return new HeaderInfo(positions, units, first, facts);
        }

        public void ColumnNumbers(int width) => grid.Add(Enumerable.Range(1, width).Select(i => (CellValue?)CellValue.Of((decimal)i, CellStyle.Centered)).ToArray());

        public void Section(Random rnd, string? section, string? sub, List<Column> columns, List<Fact> facts)
        {
            if (section is null)
            {
                return;
            }

            var numerals = "一二三四五六";
            if (sub is null || grid.LastSection != section)
            {
                grid.SubCount = 0;
                var ordinal = numerals[grid.SectionCount++ % numerals.Length];
                var style = rnd.Next(3);
                if (style == 0)
                {
                    // The numeral in the number column and the name beside it.
                    var cells = new CellValue?[columns.Count];
                    cells[0] = CellValue.Of(ordinal.ToString(), CellStyle.Section);
                    cells[1] = CellValue.Of(section, CellStyle.Section);
                    grid.Add(cells);
                }
                else
                {
                    var r = grid.Add(CellValue.Of($"{ordinal}、{section}{(rnd.Next(2) == 0 ? $"（{rnd.Next(2, 9)}个）" : string.Empty)}", CellStyle.Section));
                    if (style == 1)
                    {
                        grid.Merge(r, 1, r, columns.Count);
                    }
                }

                grid.LastSection = section;
            }

            if (sub is not null)
            {
                var r = grid.Add(CellValue.Of($"（{numerals[grid.SubCount++ % numerals.Length]}）{sub}", CellStyle.Section));
                grid.Merge(r, 1, r, columns.Count);
            }
        }

        public void Row(List<Column> columns, Dictionary<string, CellValue?> values) =>
            grid.Add(columns.Select(c => values.GetValueOrDefault(c.Field ?? string.Empty)).ToArray());

        public void Total(List<Column> columns, HeaderInfo header, string label, string? count, Dictionary<string, decimal> sums)
        {
            var cells = new CellValue?[columns.Count];
            cells[0] = CellValue.Of(label, CellStyle.Total);
            if (count is not null)
            {
                cells[1] = CellValue.Of(count, CellStyle.Total);
            }

            foreach (var (field, sum) in sums)
            {
                cells[header.Position(field) - 1] = CellValue.Of(sum, CellStyle.Total);
            }

            grid.Add(cells);
        }

        public void Footer(Random rnd, int width)
        {
            if (rnd.Next(3) == 0)
            {
                return;
            }

            var r = grid.Add(CellValue.Of(Pick(rnd, "填表人：张丽    联系电话：0571-3012345    审核人：李强", "制表人：王芳", "注：1.本表每月5日前报送；2.阶段按下拉选项填写。")));
            grid.Merge(r, 1, r, width);
            if (rnd.Next(2) == 0)
            {
                grid.Add(CellValue.Of("审核人：李强"));
            }
        }
    }

    /// <summary>A sheet's cells and merges, written out in order.</summary>
    internal sealed class Grid(string name)
    {
        public string Name { get; set; } = name;
        public List<CellValue?[]> Rows { get; } = [];
        public List<MergedRange> Merges { get; } = [];
        public int SectionCount { get; set; }
        public int SubCount { get; set; }
        public string? LastSection { get; set; }

        public int Add(params CellValue?[] cells)
        {
            Rows.Add(cells);
            return Rows.Count;
        }

        public void Merge(int r1, int c1, int r2, int c2) => Merges.Add(new MergedRange(r1, c1, r2, c2));
    }

    private sealed class Book
    {
        public List<Grid> Sheets { get; } = [];

        public Sheet Sheet(string name, Grid? before, Grid? after)
        {
            if (before is not null)
            {
                Sheets.Add(before);
            }

            var grid = new Grid(name);
            Sheets.Add(grid);
            if (after is not null)
            {
                Sheets.Add(after);
            }

            return new Sheet(grid);
        }

        public byte[] Write() => LedgerFamily.Write(Sheets);
    }

    /// <summary>Writes sheets through the project's own writer, as an export would.</summary>
    internal static byte[] Write(IEnumerable<Grid> sheets)
    {
        var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream))
        {
            foreach (var grid in sheets)
            {
                writer.StartSheet(new SheetLayout { Name = grid.Name });
                foreach (var row in grid.Rows)
                {
                    writer.WriteRow(row);
                }

                foreach (var m in grid.Merges)
                {
                    writer.Merge(m.FirstRow, m.FirstColumn, m.LastRow, m.LastColumn);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The generated workbook as a grid again, for the fuzz pass to mutate.</summary>
    internal static List<Grid> Grids(GeneratedLedger ledger)
    {
        var book = XlsxReader.Read(new MemoryStream(ledger.Content));
        var result = new List<Grid>();
        foreach (var sheet in book.Sheets)
        {
            var grid = new Grid(sheet.Name);
            for (var r = 1; r <= sheet.LastRow; r++)
            {
                var cells = new CellValue?[sheet.ColumnCount];
                foreach (var (c, cell) in sheet.CellsOf(r))
                {
                    cells[c - 1] = cell.Number is { } n && Math.Abs(n) < 1e15
                        ? new CellValue(null, (decimal)n, null, null, cell.IsDate ? CellStyle.Date : CellStyle.Number)
                        : CellValue.Of(cell.Text);
                }

                grid.Add(cells);
            }

            grid.Merges.AddRange(sheet.Merges);
            result.Add(grid);
        }

        return result;
    }
}
