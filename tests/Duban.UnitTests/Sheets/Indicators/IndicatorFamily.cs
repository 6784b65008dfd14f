using System.Globalization;
using Duban.Sheets;
using Duban.Sheets.Indicators;

namespace Duban.UnitTests.Sheets.Indicators;

/// <summary>One row the reader should give, and which of its fields the file made unreadable on purpose.</summary>
internal sealed record ExpectedRow(int Row, IndicatorFields Fields, IReadOnlySet<string> Unreadable);

internal sealed record ExpectedTable(string Sheet, int Year, IReadOnlyList<ExpectedRow> Rows);

internal sealed record FamilyFile(int Seed, byte[] Bytes, IReadOnlyList<ExpectedTable> Tables);

/// <summary>
/// Writes statistics workbooks of the family with known answers: indicators as rows or units as rows, one- or two-row
/// headers, wordings and column orders that vary, with or without 序号, the measure in a note row, a header suffix or
/// its own column, numbers as numbers or text, "—" and blanks, 其中 rows, sections, notes, footers, several sheets.
/// </summary>
internal static class IndicatorFamily
{
    private static readonly (string Name, string Measure, bool GrowthOnly)[] Indicators =
    [
        ("地区生产总值", "亿元", false),
        ("规上工业增加值", "%", true),
        ("一般公共预算收入", "万元", false),
        ("固定资产投资", "%", true),
        ("社会消费品零售总额", "亿元", false),
        ("外贸进出口总额", "万美元", false),
        ("全社会用电量", "亿千瓦时", false),
        ("新增市场主体", "个", false),
        ("城镇居民人均可支配收入", "元", false),
        ("规上工业总产值", "万元", false),
        ("实际利用外资", "万美元", false),
        ("工业用电量", "万千瓦时", false),
    ];

    private static readonly string[] Towns = ["城关镇", "河口镇", "青石镇", "白沙乡", "东城街道", "西湖镇", "马岭乡", "高新区"];

    private enum F
    {
        Value,
        Yoy,
        Target,
        TargetGrowth,
        Completion,
        TimeProgress,
        Rank,
        Remark,
    }

    public static FamilyFile Make(int seed)
    {
        var random = new Random(seed);
        var year = random.Next(2024, 2028);
        var to = random.Next(1, 13);
        var specs = new List<SheetSpec>();
        var expected = new List<ExpectedTable>();
        var sheets = random.Next(1, 4);
        for (var s = 0; s < sheets; s++)
        {
            var name = $"表{s + 1}";
            var (spec, rows) = random.Next(3) == 0 ? UnitsSheet(random, name, year, to) : IndicatorsSheet(random, name, year, to);
            specs.Add(spec);
            expected.Add(new ExpectedTable(name, year, rows));
        }

        if (random.Next(4) == 0)
        {
            specs.Insert(0, new SheetSpec("填表说明", [["指标", "完成"], ["请于每月5日前报送", 1m]]));
        }

        return new FamilyFile(seed, Books.Bytes([.. specs]), expected);
    }

    private static string PeriodWords(int to) => to == 1 ? "1月" : $"1-{to}月";

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    /// <summary>A number as a cell: a number, or text with or without thousands separators or full-width digits.</summary>
    private static object Number(Random random, decimal value)
    {
        return random.Next(5) switch
        {
            0 => value.ToString("#,0.##", CultureInfo.InvariantCulture),
            1 => value.ToString(CultureInfo.InvariantCulture),
            2 when value >= 0 => new string(value.ToString(CultureInfo.InvariantCulture).Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c == '.' ? '．' : c).ToArray()),
            _ => value,
        };
    }

    private static object Growth(Random random, decimal value) => random.Next(5) switch
    {
        0 when value < 0 => "−" + (-value).ToString(CultureInfo.InvariantCulture),
        1 when value < 0 => "下降" + (-value).ToString(CultureInfo.InvariantCulture) + "%",
        1 => "增长" + value.ToString(CultureInfo.InvariantCulture) + "%",
        2 => value.ToString(CultureInfo.InvariantCulture) + "%",
        _ => value,
    };

    private static decimal Money(Random random) => Math.Round((decimal)(random.NextDouble() * 100000), random.Next(0, 3));

    private static decimal Percent(Random random) => Math.Round((decimal)((random.NextDouble() * 40) - 15), 1);

    private static (SheetSpec Spec, List<ExpectedRow> Rows) IndicatorsSheet(Random random, string sheetName, int year, int to)
    {
        var rows = new List<object?[]>();
        var merges = new List<MergedRange>();
        var expected = new List<ExpectedRow>();
        var seq = random.Next(2) == 0;
        var measureMode = random.Next(3); // 0 own column, 1 note row, 2 value header suffix
        var tableMeasure = Pick(random, "万元", "亿元");
        var twoRows = random.Next(2) == 0;
        var fields = new List<F> { F.Value, F.Yoy };
        foreach (var f in new[] { F.Target, F.TargetGrowth, F.Completion, F.TimeProgress, F.Rank, F.Remark })
        {
            if (random.Next(2) == 0)
            {
                fields.Add(f);
            }
        }

        // Two-row headers keep their groups together: 1-N月 over 累计/同比, 年度目标 over 总量/增速.
        var blocks = new List<List<F>>();
        if (twoRows)
        {
            blocks.Add([F.Value, F.Yoy]);
            if (fields.Contains(F.Target) && fields.Contains(F.TargetGrowth))
            {
                blocks.Add([F.Target, F.TargetGrowth]);
            }

            blocks.AddRange(fields.Where(f => !blocks.Any(b => b.Contains(f))).Select(f => new List<F> { f }));
        }
        else
        {
            blocks.AddRange(fields.Select(f => new List<F> { f }));
        }

        blocks = [.. blocks.OrderBy(_ => random.Next())];
        var order = blocks.SelectMany(b => b).ToList();
        var lead = new List<string>();
        if (seq)
        {
            lead.Add("序号");
        }

        lead.Add(Pick(random, "指标", "指标名称", "主要指标", "项目"));
        if (measureMode == 0)
        {
            lead.Add(Pick(random, "计量单位", "单位"));
        }

        var period = PeriodWords(to);
        rows.Add([$"XX县{year}年{period}主要经济指标"]);
        if (measureMode == 1)
        {
            rows.Add([$"单位：{tableMeasure}"]);
        }

        var suffix = measureMode == 2 ? $"（{tableMeasure}）" : string.Empty;
        var headerRow = rows.Count + 1;
        var top = new List<object?>(lead);
        var sub = new List<object?>(lead.Select(_ => (object?)null));
        foreach (var block in blocks)
        {
            if (block.Count == 2)
            {
                var first = top.Count + 1;
                top.Add(block[0] == F.Value ? period + suffix : Pick(random, "年度目标", "全年目标") + suffix);
                top.Add(null);
                merges.Add(new MergedRange(headerRow, first, headerRow, first + 1));
                sub.Add(block[0] == F.Value ? Pick(random, "累计", "完成", "绝对值", "总量") : Pick(random, "总量", "绝对值"));
                sub.Add(block[0] == F.Value ? Pick(random, "同比±%", "增速%", "同比增长%", "比上年增长%") : Pick(random, "增速", "增长%"));
            }
            else
            {
                top.Add(block[0] switch
                {
                    F.Value => Pick(random, $"{period}完成", "累计完成", $"{period}累计", "本期", "绝对值", period) + suffix,
                    F.Yoy => Pick(random, "同比增长（%）", "增速%", "同比±%", "比上年增长%", "增幅（%）"),
                    F.Target => Pick(random, "年度目标", "全年目标", "目标") + suffix,
                    F.TargetGrowth => Pick(random, "目标增速", "预期目标增长%", "目标增速（%）"),
                    F.Completion => Pick(random, "占年度目标（%）", "完成年度目标%", "完成率%"),
                    F.TimeProgress => Pick(random, "时序进度%", "时间进度（%）"),
                    F.Rank => Pick(random, "位次", "排名", "全市位次"),
                    _ => "备注",
                });
                sub.Add(null);
            }
        }

        rows.Add([.. top]);
        if (twoRows)
        {
            rows.Add([.. sub]);
            for (var c = 1; c <= top.Count; c++)
            {
                if (sub[c - 1] is null)
                {
                    merges.Add(new MergedRange(headerRow, c, headerRow + 1, c));
                }
            }
        }

        var column = order.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => lead.Count + x.i);
        var picked = Indicators.OrderBy(_ => random.Next()).Take(random.Next(3, 9)).ToList();
        var n = 0;
        var sectioned = random.Next(3) == 0;
        foreach (var (name, ownMeasure, growthOnly) in picked)
        {
            if (sectioned && n % 3 == 0)
            {
                var section = new object?[lead.Count];
                section[seq ? 1 : 0] = Pick(random, "一、", "二、", "三、") + Pick(random, "工业", "投资", "消费", "财政");
                rows.Add(section);
            }

            n++;
            var measure = measureMode == 0 ? ownMeasure : tableMeasure;
            var quarter = !growthOnly && random.Next(8) == 0 && to >= 3;
            var written = Pick(random, string.Empty, $"{n}.", $"{n}、", "（一）") + name + (quarter ? "（一季度）" : string.Empty);
            AddRow(random, rows, expected, lead, seq, column, n, written, name, null, measure, growthOnly, quarter ? (1, 3) : (1, to), ownMeasure, measureMode);
            if (name == "一般公共预算收入" && random.Next(2) == 0)
            {
                AddRow(random, rows, expected, lead, seq, column, null, "  其中：税收收入", "税收收入", name, measure, false, (1, to), ownMeasure, measureMode);
            }
        }

        if (random.Next(2) == 0)
        {
            rows.Add([]);
            rows.Add([Pick(random, "数据来源：县统计局", "注：本表数据为快报数", "资料来源：县统计局、县财政局")]);
        }

        return (new SheetSpec(sheetName, rows, merges), expected);
    }

    private static void AddRow(
        Random random, List<object?[]> rows, List<ExpectedRow> expected, List<string> lead, bool seq, Dictionary<F, int> column, int? number,
        string written, string name, string? parent, string measure, bool growthOnly, (int From, int To) period, string ownMeasure, int measureMode)
    {
        var cells = new object?[lead.Count + column.Count];
        var unreadable = new HashSet<string>();
        if (seq && number is { } k)
        {
            cells[0] = k;
        }

        cells[seq ? 1 : 0] = written;
        if (measureMode == 0)
        {
            cells[seq ? 2 : 1] = measure;
        }

        decimal? value = null, yoy = Percent(random), target = null, targetGrowth = null, completion = null, time = null;
        int? rank = null;
        if (!growthOnly)
        {
            value = Money(random);
            target = column.ContainsKey(F.Target) ? Money(random) : null;
            completion = column.ContainsKey(F.Completion) ? Math.Round((decimal)(random.NextDouble() * 120), 1) : null;
        }

        targetGrowth = column.ContainsKey(F.TargetGrowth) ? Math.Round((decimal)(random.NextDouble() * 10), 1) : null;
        time = column.ContainsKey(F.TimeProgress) ? Math.Round(period.To / 12m * 100m, 1) : null;
        rank = column.ContainsKey(F.Rank) && random.Next(4) > 0 ? random.Next(1, 13) : null;
        foreach (var (f, c) in column)
        {
            cells[c] = f switch
            {
                F.Value => value is { } v ? Number(random, v) : Pick<object?>(random, "—", null, "-", "只公布增速"),
                F.Yoy => Growth(random, yoy!.Value),
                F.Target => target is { } t ? Number(random, t) : Pick<object?>(random, "—", null),
                F.TargetGrowth => targetGrowth,
                F.Completion => completion is { } p ? Number(random, p) : null,
                F.TimeProgress => time,
                F.Rank => rank is { } r ? Pick<object>(random, r, $"第{r}位", r.ToString(CultureInfo.InvariantCulture)) : Pick<object?>(random, null, "—"),
                _ => random.Next(3) == 0 ? Pick(random, "快报", "只公布增速", "季度数据") : null,
            };
        }

        // Now and then a cell a person must look at: the reader must flag it, never guess.
        if (value is not null && random.Next(15) == 0)
        {
            cells[column[F.Value]] = Pick(random, "待核", "约5万", "见附表");
            value = null;
            unreadable.Add(nameof(IndicatorFields.Value));
        }

        if (rank is not null && random.Next(10) == 0)
        {
            cells[column[F.Rank]] = Pick(random, "前列", "中游", "2.5");
            rank = null;
            unreadable.Add(nameof(IndicatorFields.Rank));
        }

        _ = ownMeasure;
        rows.Add(cells);
        expected.Add(new ExpectedRow(rows.Count, new IndicatorFields(name, parent, measure, null, period.From, period.To, value, yoy, target, targetGrowth, completion, time, rank), unreadable));
    }

    private static (SheetSpec Spec, List<ExpectedRow> Rows) UnitsSheet(Random random, string sheetName, int year, int to)
    {
        var rows = new List<object?[]>();
        var expected = new List<ExpectedRow>();
        var (indicator, _, _) = Pick(random, Indicators.Where(i => !i.GrowthOnly).ToArray());
        var measure = Pick(random, "万元", "亿元");
        var period = PeriodWords(to);
        var groupRow = random.Next(4) == 0;
        rows.Add([groupRow ? $"{year}年{period}各乡镇主要指标完成情况" : $"{year}年{period}各乡镇{indicator}" + Pick(random, "完成情况", string.Empty, "排名表")]);
        var suffix = random.Next(2) == 0;
        if (!suffix)
        {
            rows.Add([$"单位：{measure}"]);
        }

        var fields = new List<F> { F.Target, F.Value, F.Yoy, F.Rank }.OrderBy(_ => random.Next()).ToList();
        object?[] header = [Pick(random, "乡镇", "单位", "乡镇（街道）", "地区"), .. fields.Select(f => (object?)(f switch
        {
            F.Target => Pick(random, "目标", "年度目标") + (suffix ? $"（{measure}）" : string.Empty),
            F.Value => Pick(random, "完成", $"{period}完成", "累计") + (suffix ? $"（{measure}）" : string.Empty),
            F.Yoy => Pick(random, "增速%", "同比增长（%）", "同比±%"),
            _ => Pick(random, "排名", "位次"),
        }))];
        rows.Add(header);
        if (groupRow)
        {
            rows.Add([Pick(random, "一、", string.Empty) + indicator]);
        }

        var towns = Towns.OrderBy(_ => random.Next()).Take(random.Next(3, 9)).ToList();
        decimal valueSum = 0, targetSum = 0;
        var place = 0;
        foreach (var town in towns)
        {
            var value = Money(random);
            var target = Money(random);
            var yoy = Percent(random);
            var rank = ++place;
            valueSum += value;
            targetSum += target;
            rows.Add([town, .. fields.Select(f => f switch
            {
                F.Target => Number(random, target),
                F.Value => Number(random, value),
                F.Yoy => Growth(random, yoy),
                _ => random.Next(2) == 0 ? rank : (object)$"第{rank}位",
            })]);
            expected.Add(new ExpectedRow(rows.Count, new IndicatorFields(indicator, null, measure, town, 1, to, value, yoy, target, null, null, null, rank), new HashSet<string>()));
        }

        if (random.Next(3) > 0)
        {
            rows.Add([Pick(random, "合计", "全县", "总计"), .. fields.Select(f => f switch
            {
                F.Target => (object?)targetSum,
                F.Value => valueSum,
                _ => null,
            })]);
            expected.Add(new ExpectedRow(rows.Count, new IndicatorFields(indicator, null, measure, null, 1, to, valueSum, null, targetSum, null, null, null, null), new HashSet<string>()));
        }

        return (new SheetSpec(sheetName, rows), expected);
    }
}
