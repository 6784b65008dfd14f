using System.Globalization;
using Duban.Sheets;
using Duban.Sheets.Ledgers;
using Duban.UnitTests.Sheets.Indicators;

namespace Duban.UnitTests.Sheets.Investment;

/// <summary>One row the reader should give: its section, its fields, and the fields the file made unreadable on purpose.</summary>
internal sealed record ExpectedLedgerRow(int Row, string? Section, Dictionary<string, object?> Fields, HashSet<string> Unreadable);

internal sealed record ExpectedLedgerSheet(LedgerKind Kind, string Sheet, IReadOnlyList<ExpectedLedgerRow> Rows);

internal sealed record InvestmentFile(int Seed, byte[] Bytes, IReadOnlyList<ExpectedLedgerSheet> Sheets, string Layout);

/// <summary>
/// Writes investment-promotion workbooks with known answers: a leads sheet, a trips sheet or both (and sometimes
/// instructions), header wordings from the synonyms offices use, shuffled columns, extra columns, the amount unit in a
/// note row, a header or nowhere, one- or two-row headers with a merged group, sections or none, blank rows, 小计,
/// 合计 and footers; cells as numbers, dates, text dates in several spellings, numbers as text, full-width digits, own
/// units, firm names instead of a count, and planted values that cannot be read with certainty.
/// </summary>
internal static class InvestmentFamily
{
    private static readonly string[] Products = ["储能电池", "风电齿轮箱", "光伏边框", "氢能重卡", "预制菜", "茶叶精深加工", "锂电隔膜", "碳纤维", "智能装备", "冷链物流"];
    private static readonly string[] Investors = ["某新能源科技股份有限公司", "某重工集团", "某铝业有限公司", "某汽车集团", "某食品有限公司", "某茶业集团", "某材料科技有限公司"];
    private static readonly string[] Origins = ["江苏常州", "上海", "浙江宁波", "广东深圳", "山东临沂", "福建安溪", "北京"];
    private static readonly string[] Industries = ["新能源及装备制造", "农产品精深加工", "新材料", "现代物流", "电子信息"];
    private static readonly string[] Units = ["开发区招商服务局", "县工信局", "河口镇", "青石镇", "县农业农村局", "县商务局", "城关镇"];
    private static readonly string[] Leaders = ["张卫东", "李明华", "王建国", "陈晓燕", "刘洋"];
    private static readonly string[] Places = ["江苏常州、无锡", "上海", "浙江宁波、台州", "广东深圳", "北京", "福建厦门、泉州"];
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五"];

    private static readonly Dictionary<string, string[]> LeadHeaders = new(StringComparer.Ordinal)
    {
        ["number"] = ["序号", "编号"],
        ["name"] = ["项目名称", "在谈项目名称", "招商项目名称", "项目"],
        ["investor"] = ["投资方", "投资主体", "客商", "签约企业", "投资企业"],
        ["investorOrigin"] = ["投资方所在地", "客商来源地", "来源地", "企业所在地"],
        ["industry"] = ["产业类别", "所属产业", "产业链", "行业", "所属行业"],
        ["plannedInvestment"] = ["计划投资额", "拟投资额", "投资额", "协议投资额"],
        ["source"] = ["项目来源", "招商方式", "信息来源"],
        ["followingUnit"] = ["对接单位", "跟踪单位", "责任单位", "承办单位"],
        ["leader"] = ["包联县领导", "包联领导", "责任领导", "县级包联领导"],
        ["stage"] = ["推进阶段", "项目阶段", "所处阶段", "项目状态"],
        ["firstContact"] = ["首次对接时间", "首次对接", "初次对接时间"],
        ["lastContact"] = ["最近对接时间", "最新对接时间", "最近对接"],
        ["signedOn"] = ["签约时间", "签约日期"],
        ["progress"] = ["对接情况及下步打算", "进展情况", "推进情况", "对接情况"],
        ["terminationReason"] = ["终止原因"],
        ["notes"] = ["备注"],
    };

    private static readonly Dictionary<string, string[]> TripHeaders = new(StringComparer.Ordinal)
    {
        ["number"] = ["序号"],
        ["unit"] = ["单位", "出访单位", "招商单位", "责任单位", "单位名称"],
        ["leader"] = ["带队领导", "带队县领导", "带队县级领导", "带队负责人"],
        ["dates"] = ["出访时间", "外出时间", "出访日期", "起止时间"],
        ["places"] = ["出访地点", "目的地", "外出地点", "出访城市"],
        ["firmsMet"] = ["对接企业（家）", "对接企业数", "拜访企业（家）", "洽谈企业数量"],
        ["leadsFormed"] = ["形成在谈项目（个）", "形成线索（条）", "获取项目信息（条）"],
        ["notes"] = ["备注"],
    };

    public static InvestmentFile Make(int seed)
    {
        var random = new Random(seed);
        var year = random.Next(2024, 2028);
        var layout = new List<string>();
        var which = random.Next(4); // 0, 1: both; 2: leads only; 3: trips only
        var specs = new List<SheetSpec>();
        var expected = new List<ExpectedLedgerSheet>();
        if (which != 3)
        {
            var name = Pick(random, "在谈项目", "招商项目台账", "项目台账");
            var (spec, rows) = LeadsSheet(random, name, year, layout);
            specs.Add(spec);
            expected.Add(new ExpectedLedgerSheet(LedgerKind.Leads, name, rows));
        }

        if (which != 2)
        {
            var name = Pick(random, "外出招商登记", "外出招商", "外出招商活动");
            var (spec, rows) = TripsSheet(random, name, year, layout);
            if (random.Next(2) == 0)
            {
                specs.Insert(0, spec);
            }
            else
            {
                specs.Add(spec);
            }

            expected.Add(new ExpectedLedgerSheet(LedgerKind.Trips, name, rows));
        }

        if (random.Next(5) == 0)
        {
            specs.Insert(0, new SheetSpec("填表说明", [["项目名称", "推进阶段"], ["请于每月5日前报送", "阶段填：意向、在谈、已签约"]]));
            layout.Add("instructions");
        }

        return new InvestmentFile(seed, Books.Bytes([.. specs]), expected, string.Join(", ", layout));
    }

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    private static string Wide(string text) =>
        new([.. text.Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c == '.' ? '．' : c)]);

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);

    private static List<string> Order(Random random, List<string> fields, params string[] extras)
    {
        var rest = fields.Where(f => f != "number").OrderBy(_ => random.Next()).ToList();
        foreach (var extra in extras.OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
        {
            rest.Insert(random.Next(rest.Count + 1), extra);
        }

        if (fields.Contains("number"))
        {
            rest.Insert(random.Next(5) == 0 ? random.Next(rest.Count + 1) : 0, "number");
        }

        return rest;
    }

    /// <summary>Title, note, header (one row, or two under a merged group), and the header cells' merges.</summary>
    private static int Header(Random random, List<object?[]> rows, List<MergedRange> merges, List<string> order, Func<string, string> header, (string Group, string[] Members)? group)
    {
        var width = order.Count;
        var headerRow = rows.Count + 1;
        var top = order.Select(f => (object?)header(f)).ToArray();
        if (group is not { } g || order.FindIndex(f => f == g.Members[0]) is var first && first < 0)
        {
            rows.Add(top);
            return headerRow;
        }

        var sub = new object?[width];
        for (var i = 0; i < width; i++)
        {
            if (i >= first && i < first + g.Members.Length)
            {
                sub[i] = top[i];
                top[i] = i == first ? g.Group : null;
            }
            else
            {
                merges.Add(new MergedRange(headerRow, i + 1, headerRow + 1, i + 1));
            }
        }

        merges.Add(new MergedRange(headerRow, first + 1, headerRow, first + g.Members.Length));
        rows.Add(top);
        rows.Add(sub);
        return headerRow;
    }

    /// <summary>Makes the group's members adjacent, in order, where the first one stands.</summary>
    private static void Together(List<string> order, string[] members)
    {
        foreach (var m in members.Skip(1))
        {
            order.Remove(m);
        }

        order.InsertRange(order.IndexOf(members[0]) + 1, members.Skip(1));
    }

    private static (SheetSpec, List<ExpectedLedgerRow>) LeadsSheet(Random random, string sheetName, int year, List<string> layout)
    {
        var rows = new List<object?[]>();
        var merges = new List<MergedRange>();
        var expected = new List<ExpectedLedgerRow>();
        var fields = new List<string> { "name" };
        foreach (var f in new[] { "number", "investor", "investorOrigin", "industry", "plannedInvestment", "source", "followingUnit", "leader", "stage", "firstContact", "lastContact", "signedOn", "progress", "terminationReason", "notes" })
        {
            if (random.Next(3) > 0)
            {
                fields.Add(f);
            }
        }

        var order = Order(random, fields, "联系人电话", "用地需求（亩）", "企业联系方式");
        var unitMode = random.Next(3); // 0 note row, 1 header, 2 none (万元 assumed)
        var unit = unitMode == 2 ? "万元" : Pick(random, "亿元", "万元");
        (string, string[])? group = null;
        if (fields.Contains("firstContact") && fields.Contains("lastContact") && random.Next(3) == 0)
        {
            string[] members = fields.Contains("progress") && random.Next(2) == 0 ? ["firstContact", "lastContact", "progress"] : ["firstContact", "lastContact"];
            Together(order, members);
            group = (Pick(random, "对接情况", "对接记录"), members);
            layout.Add("leads two-row header");
        }

        var headers = order.ToDictionary(f => f, f => LeadHeaders.TryGetValue(f, out var words) ? Pick(random, words) : f);
        if (unitMode == 1 && fields.Contains("plannedInvestment"))
        {
            headers["plannedInvestment"] += $"（{unit}）";
        }

        rows.Add([$"XX县{year}年招商引资项目推进台账"]);
        if (random.Next(2) == 0)
        {
            merges.Add(new MergedRange(1, 1, 1, order.Count));
        }

        if (unitMode == 0 || random.Next(2) == 0)
        {
            rows.Add([$"统计截止：{year}年{random.Next(1, 13)}月{random.Next(1, 29)}日" + (unitMode == 0 ? $"    单位：{unit}" : string.Empty)]);
        }

        var headerRow = Header(random, rows, merges, order, f => headers[f], group);
        layout.Add($"leads [{string.Join("|", order.Select(f => headers[f]))}] unit {unit} mode {unitMode}");
        var col = order.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        var sectioned = random.Next(2) == 0;
        var sections = sectioned ? Industries.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).Select(i => (string?)i).ToList() : [null];
        var n = 0;
        var total = 0m;
        for (var s = 0; s < sections.Count; s++)
        {
            var count = random.Next(2, 6);
            if (sections[s] is { } section)
            {
                var title = new object?[order.Count];
                title[0] = $"{Numerals[s]}、{section}" + (random.Next(2) == 0 ? $"（{count}个）" : string.Empty);
                rows.Add(title);
                if (random.Next(3) > 0)
                {
                    merges.Add(new MergedRange(rows.Count, 1, rows.Count, order.Count));
                }
            }

            for (var k = 0; k < count; k++)
            {
                if (random.Next(7) == 0)
                {
                    rows.Add([]);
                }

                n++;
                total += LeadRow(random, rows, expected, order, col, fields, n, year, unit, sections[s]);
            }

            if (sections[s] is not null && random.Next(4) == 0)
            {
                var sub = new object?[order.Count];
                sub[col["name"]] = "小计";
                rows.Add(sub);
            }
        }

        if (random.Next(2) == 0)
        {
            var sum = new object?[order.Count];
            sum[0] = "合计";
            if (fields.Contains("plannedInvestment") && col["plannedInvestment"] != 0)
            {
                sum[col["plannedInvestment"]] = unit == "亿元" ? total / 10_000m : total;
            }

            rows.Add(sum);
        }

        if (random.Next(2) == 0)
        {
            rows.Add([]);
            rows.Add([Pick(random, "填表单位：县投资促进中心    填表人：刘洋", "填表人：刘洋    联系电话：0000-1234567", "注：阶段填意向、在谈、已签约、已落地、终止")]);
        }

        _ = headerRow;
        return (new SheetSpec(sheetName, rows, merges), expected);
    }

    private static decimal LeadRow(Random random, List<object?[]> rows, List<ExpectedLedgerRow> expected, List<string> order, Dictionary<string, int> col, List<string> fields, int n, int year, string unit, string? section)
    {
        var row = new RowDraft(random, order, col, LeadHeaders, "某某 13800000000", 50m, n);

        var name = $"年产{(n * 10) + random.Next(1, 10)}万件{Pick(random, Products)}项目";
        row.Put("name", name);
        row.Want["name"] = name;
        Text("investor", Investors);
        Text("investorOrigin", Origins);
        Text("followingUnit", Units);
        Text("leader", Leaders);
        if (row.Has("industry") && random.Next(5) > 0)
        {
            var industry = Pick(random, "新能源", "装备制造", "新材料", "农产品加工");
            row.Put("industry", industry);
            row.Want["industry"] = industry;
        }
        else if (section is not null)
        {
            row.Want["industry"] = section;
        }

        var amount = 0m;
        if (row.Has("plannedInvestment") && random.Next(10) > 0)
        {
            var yi = Math.Round((decimal)((random.NextDouble() * 80) + 0.5), random.Next(0, 3));
            var wan = yi * 10_000m;
            amount = wan;
            var planted = random.Next(12) == 0;
            object cell = unit == "亿元"
                ? random.Next(6) switch
                {
                    0 => Invariant(yi),
                    1 => Wide(Invariant(yi)),
                    2 => Invariant(yi) + Pick(random, "亿元", "亿"),
                    3 => Invariant(wan) + "万元",
                    _ => yi,
                }
                : random.Next(5) switch
                {
                    0 => wan.ToString("#,0.##", CultureInfo.InvariantCulture),
                    1 => Wide(Invariant(wan)),
                    2 => Invariant(yi) + "亿",
                    _ => wan,
                };
            if (planted)
            {
                cell = Pick(random, "约" + Invariant(yi), Invariant(yi) + "左右", "待定");
                row.Unreadable.Add("plannedInvestment");
                amount = 0;
            }
            else
            {
                row.Want["plannedInvestment"] = wan;
            }

            row.Put("plannedInvestment", cell);
        }

        if (row.Has("source") && random.Next(10) > 0)
        {
            var known = Values.SourceWords.Keys.ToArray();
            var source = random.Next(6) == 0 ? Pick(random, "朋友介绍", "政府推介", "商务洽谈") : Pick(random, known);
            row.Put("source", source);
            row.Want["source"] = source;
            if (Values.SourceWords.TryGetValue(source, out var code))
            {
                row.Want["sourceCode"] = code;
            }
        }

        var stage = -1;
        if (row.Has("stage") && random.Next(15) > 0)
        {
            if (random.Next(10) == 0)
            {
                row.Put("stage", Pick(random, "待定", "已签约待注册", "跟进中", "推进中"));
                row.Unreadable.Add("stage");
            }
            else
            {
                var word = Pick(random, [.. Values.LeadStageWords.Keys]);
                stage = Values.LeadStageWords[word];
                row.Put("stage", word);
                row.Want["stage"] = stage;
            }
        }

        var first = new DateOnly(year, 1, 1).AddDays(random.Next(0, 200));
        var last = first.AddDays(random.Next(0, 150));
        Day("firstContact", first);
        Day("lastContact", last);
        if (stage is 3 or 4 or 5)
        {
            Day("signedOn", last);
        }

        if (row.Has("progress") && random.Next(6) > 0)
        {
            var progress = Pick(random, "已完成第三轮洽谈，对方要求提供标准化厂房2万平方米。", "已考察选址，待对方董事会决策。", "11月15日签订投资协议，拟12月注册公司。", "对方已两次来县考察，正在比选地块。");
            row.Put("progress", progress);
            row.Want["progress"] = progress;
        }

        var reason = Pick(random, "投资方资金链紧张", "用地指标无法落实", "投资方战略调整");
        var reasonMode = stage == 9 ? random.Next(3) : -1; // 0 notes, 1 own column, 2 none (a warning)
        if (reasonMode == 0 && row.Has("notes"))
        {
            row.Put("notes", "终止原因：" + reason);
            row.Want["notes"] = "终止原因：" + reason;
            row.Want["terminationReason"] = reason;
        }
        else if (reasonMode == 1 && row.Has("terminationReason"))
        {
            row.Put("terminationReason", reason);
            row.Want["terminationReason"] = reason;
        }

        if (!row.Want.ContainsKey("notes") && row.Has("notes") && random.Next(3) == 0)
        {
            var note = Pick(random, "需协调厂房", "已转重点项目", "投资方要求代建厂房");
            row.Put("notes", note);
            row.Want["notes"] = note;
        }

        rows.Add(row.Cells);
        expected.Add(new ExpectedLedgerRow(rows.Count, section, row.Want, row.Unreadable));
        return amount;

        void Text(string field, string[] pool)
        {
            if (row.Has(field) && random.Next(8) > 0)
            {
                var value = Pick(random, pool);
                row.Put(field, value);
                row.Want[field] = value;
            }
        }

        void Day(string field, DateOnly date)
        {
            if (!row.Has(field) || random.Next(10) == 0)
            {
                return;
            }

            if (random.Next(10) == 0)
            {
                row.Put(field, Pick<object>(random, "近期", $"{date.Month}月上旬", $"{date.Year}年{date.Month}月", 2026.1m, "待定"));
                row.Unreadable.Add(field);
                return;
            }

            row.Put(field, random.Next(8) switch
            {
                0 => Invariant(date, "yyyy-MM-dd"),
                1 => Invariant(date, "yyyy/M/d"),
                2 => Invariant(date, "yyyy.M.d"),
                3 => Invariant(date, "yyyy年M月d日"),
                4 => Wide(Invariant(date, "yyyy年M月d日")),
                5 => decimal.Parse(Invariant(date, "yyyyMMdd"), CultureInfo.InvariantCulture),
                6 when date.Year == year => Invariant(date, "M月d日"),
                _ => date,
            });
            row.Want[field] = date;
        }
    }

    private static (SheetSpec, List<ExpectedLedgerRow>) TripsSheet(Random random, string sheetName, int year, List<string> layout)
    {
        var rows = new List<object?[]>();
        var merges = new List<MergedRange>();
        var expected = new List<ExpectedLedgerRow>();
        var fields = new List<string> { "unit", Pick(random, "dates", "firmsMet", "leadsFormed") };
        foreach (var f in new[] { "number", "leader", "dates", "places", "firmsMet", "leadsFormed", "notes" })
        {
            if (!fields.Contains(f) && random.Next(3) > 0)
            {
                fields.Add(f);
            }
        }

        var order = Order(random, fields, "随行人员", "经费（万元）", "出访事由");
        (string, string[])? group = null;
        if (fields.Contains("dates") && fields.Contains("places") && random.Next(3) == 0)
        {
            string[] members = ["dates", "places"];
            Together(order, members);
            group = ("出访情况", members);
            layout.Add("trips two-row header");
        }

        var headers = order.ToDictionary(f => f, f => TripHeaders.TryGetValue(f, out var words) ? Pick(random, words) : f);
        rows.Add([$"{year}年各单位外出招商活动登记表"]);
        Header(random, rows, merges, order, f => headers[f], group);
        layout.Add($"trips [{string.Join("|", order.Select(f => headers[f]))}]");
        var col = order.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        var sections = random.Next(3) == 0 ? new List<string?> { "县直部门", "乡镇（街道）" } : [null];
        var n = 0;
        int firmsTotal = 0, leadsTotal = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            if (sections[s] is { } section)
            {
                var title = new object?[order.Count];
                title[0] = $"{Numerals[s]}、{section}";
                rows.Add(title);
                merges.Add(new MergedRange(rows.Count, 1, rows.Count, order.Count));
            }

            for (var k = random.Next(2, 6); k > 0; k--)
            {
                if (random.Next(7) == 0)
                {
                    rows.Add([]);
                }

                n++;
                var (firms, leads) = TripRow(random, rows, expected, order, col, n, year, sections[s]);
                firmsTotal += firms;
                leadsTotal += leads;
            }
        }

        if (random.Next(2) == 0)
        {
            var sum = new object?[order.Count];
            sum[0] = "合计";
            if (col.TryGetValue("firmsMet", out var f) && f != 0)
            {
                sum[f] = firmsTotal;
            }

            if (col.TryGetValue("leadsFormed", out var l) && l != 0)
            {
                sum[l] = leadsTotal;
            }

            rows.Add(sum);
        }

        if (random.Next(2) == 0)
        {
            rows.Add([Pick(random, "填表单位：县投资促进中心", "填报人：刘洋    审核人：王建国")]);
        }

        return (new SheetSpec(sheetName, rows, merges), expected);
    }

    private static (int Firms, int Leads) TripRow(Random random, List<object?[]> rows, List<ExpectedLedgerRow> expected, List<string> order, Dictionary<string, int> col, int n, int year, string? section)
    {
        var row = new RowDraft(random, order, col, TripHeaders, "招商小分队3人", 2.5m, n);

        var unit = Pick(random, Units);
        row.Put("unit", unit);
        row.Want["unit"] = unit;
        if (row.Has("leader") && random.Next(6) > 0)
        {
            var leader = Pick(random, Leaders);
            row.Put("leader", leader);
            row.Want["leader"] = leader;
        }

        if (row.Has("places") && random.Next(8) > 0)
        {
            var place = Pick(random, Places);
            row.Put("places", place);
            row.Want["places"] = place;
        }

        if (row.Has("dates") && random.Next(12) > 0)
        {
            Dates(random, year, row.Put, row.Want, row.Unreadable);
        }

        var firms = 0;
        if (row.Has("firmsMet") && random.Next(10) > 0)
        {
            firms = random.Next(0, 12);
            var mode = random.Next(12);
            if (mode == 0)
            {
                row.Put("firmsMet", Pick(random, "若干", "多家", "5-6", "十余家"));
                row.Unreadable.Add("firmsMet");
                firms = 0;
            }
            else if (mode <= 2)
            {
                var names = Enumerable.Range(1, random.Next(1, 5)).Select(i => $"某{Pick(random, "新能", "华科", "东岳", "金桥", "远航")}{i}号{Pick(random, "科技有限公司", "集团", "股份有限公司", "商会")}").ToList();
                row.Put("firmsMet", string.Join(Pick(random, "、", "，", "；"), names));
                row.Want["firmsMet"] = names.Count;
                row.Want["firmNames"] = names;
                firms = names.Count;
            }
            else
            {
                row.Put("firmsMet", mode switch
                {
                    3 => firms.ToString(CultureInfo.InvariantCulture),
                    4 => Wide(firms.ToString(CultureInfo.InvariantCulture)),
                    5 => $"{firms}家",
                    _ => firms,
                });
                row.Want["firmsMet"] = firms;
            }
        }

        var leads = 0;
        if (row.Has("leadsFormed") && random.Next(10) > 0)
        {
            leads = random.Next(0, 4);
            if (random.Next(12) == 0)
            {
                row.Put("leadsFormed", Pick(random, "待定", "1-2", "若干"));
                row.Unreadable.Add("leadsFormed");
                leads = 0;
            }
            else
            {
                row.Put("leadsFormed", random.Next(4) switch
                {
                    0 => $"{leads}个",
                    1 => Wide(leads.ToString(CultureInfo.InvariantCulture)),
                    _ => leads,
                });
                row.Want["leadsFormed"] = leads;
            }
        }

        if (row.Has("notes") && random.Next(3) == 0)
        {
            var note = Pick(random, "含参加投资推介会", "与商会座谈", "回访签约企业");
            row.Put("notes", note);
            row.Want["notes"] = note;
        }

        rows.Add(row.Cells);
        expected.Add(new ExpectedLedgerRow(rows.Count, section, row.Want, row.Unreadable));
        return (firms, leads);
    }

    /// <summary>A trip's days in one of the spellings offices use, a month only, or a planted unreadable text.</summary>
    private static void Dates(Random random, int year, Action<string, object?> put, Dictionary<string, object?> want, HashSet<string> unreadable)
    {
        var start = new DateOnly(year, 1, 1).AddDays(random.Next(0, 330));
        var end = start.AddDays(random.Next(4) == 0 ? 0 : random.Next(1, 6));
        var mode = random.Next(16);
        if (mode == 0)
        {
            put("dates", Pick(random, "近期", $"{year}年", "待定", $"{start.Month}.28-3"));
            unreadable.Add("dates");
            return;
        }

        var approximate = mode is >= 1 and <= 3;
        if (approximate)
        {
            // 2026.1 and 2026.10 are one number to Excel, so a month as a dotted number is written only for the others.
            var month = start.Month;
            put("dates", mode switch
            {
                1 => $"{year}年{month}月",
                2 => $"{year}年{month}月份",
                _ when month is 1 or 10 || random.Next(2) == 0 => (decimal)((year * 100) + month),
                _ => decimal.Parse($"{year}.{month}", CultureInfo.InvariantCulture),
            });
            want["startDate"] = new DateOnly(year, month, 1);
            want["endDate"] = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            want["datesApproximate"] = true;
            return;
        }

        if (start == end)
        {
            put("dates", random.Next(4) switch
            {
                0 => Invariant(start, "yyyy-MM-dd"),
                1 => Invariant(start, "yyyy年M月d日"),
                2 => decimal.Parse(Invariant(start, "yyyyMMdd"), CultureInfo.InvariantCulture),
                _ => start,
            });
        }
        else
        {
            var sameMonth = start.Month == end.Month && start.Year == end.Year;
            put("dates", random.Next(7) switch
            {
                0 => $"{Invariant(start, "yyyy.M.d")}-{Invariant(end, sameMonth && random.Next(2) == 0 ? "%d" : "M.d")}",
                1 => $"{Invariant(start, "yyyy年M月d日")}至{Invariant(end, sameMonth ? "d日" : "M月d日")}",
                2 when start.Year == end.Year => $"{Invariant(start, "M月d日")}至{Invariant(end, "M月d日")}",
                3 => $"{Invariant(start, "yyyy-MM-dd")}至{Invariant(end, "yyyy-MM-dd")}",
                4 => Wide($"{Invariant(start, "yyyy.M.d")}-{Invariant(end, "M.d")}"),
                5 => $"{Invariant(start, "yyyy/M/d")}-{Invariant(end, "M/d")}",
                _ => $"{Invariant(start, "yyyy年M月d日")}-{Invariant(end, "yyyy年M月d日")}",
            });
        }

        want["startDate"] = start;
        want["endDate"] = end;
        want["datesApproximate"] = false;
    }

    /// <summary>A data row being written: its cells by column, the fields the reader should give, and those planted unreadable.</summary>
    private sealed class RowDraft
    {
        private readonly Dictionary<string, int> columns;

        public RowDraft(Random random, List<string> order, Dictionary<string, int> columns, Dictionary<string, string[]> known, string extraText, decimal extraNumber, int number)
        {
            this.columns = columns;
            Cells = new object?[order.Count];
            foreach (var extra in order.Where(f => !known.ContainsKey(f)))
            {
                Cells[columns[extra]] = random.Next(2) == 0 ? extraText : extraNumber;
            }

            if (Has("number"))
            {
                Put("number", random.Next(3) == 0 ? number.ToString(CultureInfo.InvariantCulture) : number);
                Want["number"] = number.ToString(CultureInfo.InvariantCulture);
            }
        }

        public object?[] Cells { get; }

        public Dictionary<string, object?> Want { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Unreadable { get; } = new(StringComparer.Ordinal);

        public bool Has(string field) => columns.ContainsKey(field);

        public void Put(string field, object? value)
        {
            if (columns.TryGetValue(field, out var c))
            {
                Cells[c] = value;
            }
        }
    }
}
