using Duban.Sheets;
using Duban.Sheets.Indicators;
using Duban.Sheets.Ledgers;
using static Duban.UnitTests.Sheets.Indicators.Books;

namespace Duban.UnitTests.Sheets.Indicators;

/// <summary>The edges of the statistics tables, one small workbook each.</summary>
public class IndicatorEdgeTests
{
    private static readonly object?[] PlainHeader = ["序号", "指标", "计量单位", "年度目标", "完成", "同比增长（%）", "位次"];

    private static IndicatorTable One(params object?[][] rows) => IndicatorTableReader.Read(Book(Sheet("指标", rows))).Tables.Single();

    private static IndicatorTable Plain(string title, params object?[][] data) =>
        One([Row(title), PlainHeader, .. data]);

    [Fact]
    public void January_and_february_are_the_first_period_of_the_year()
    {
        var table = Plain("2026年1-2月主要经济指标", Row(1, "规上工业增加值", "%", null, null, 6.2));

        Assert.Equal((2026, 1, 2), (table.Year, table.PeriodFrom, table.PeriodTo));
        Assert.Equal((1, 2), (table.Rows[0].Fields.PeriodFrom, table.Rows[0].Fields.PeriodTo));
        Assert.Equal("%", table.Rows[0].Fields.Measure);
        Assert.Empty(table.Issues);
    }

    [Theory]
    [InlineData("地区生产总值（一季度）", "地区生产总值", 1, 3)]
    [InlineData("地区生产总值(前三季度)", "地区生产总值", 1, 9)]
    [InlineData("地区生产总值（上半年）", "地区生产总值", 1, 6)]
    [InlineData("农村居民人均可支配收入（1-9月）", "农村居民人均可支配收入", 1, 9)]
    [InlineData("进出口总额（10月）", "进出口总额", 10, 10)]
    [InlineData("一般公共预算收入", "一般公共预算收入", 1, 10)]
    public void A_row_names_its_own_period_within_a_monthly_table(string written, string name, int from, int to)
    {
        var row = Plain("2026年1-10月主要经济指标", Row(1, written, "亿元", 100, 80, 5.1)).Rows.Single().Fields;

        Assert.Equal((name, from, to), (row.Indicator, row.PeriodFrom, row.PeriodTo));
        Assert.Equal("亿元", row.Measure);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("-")]
    [InlineData("/")]
    [InlineData("——")]
    [InlineData("只公布增速")]
    [InlineData(null)]
    public void A_growth_only_figure_has_no_value_and_no_issue(string? value)
    {
        var table = Plain("2026年1-10月主要经济指标", Row(1, "固定资产投资", "亿元", "—", value, "8.8"));

        var row = table.Rows.Single().Fields;
        Assert.Null(row.Value);
        Assert.Null(row.AnnualTarget);
        Assert.Equal(8.8m, row.Yoy);
        Assert.Empty(table.Issues);
    }

    [Fact]
    public void Text_in_a_value_cell_is_an_error_on_its_cell_and_the_row_is_kept()
    {
        var table = Plain("2026年1-10月主要经济指标", Row(1, "社会消费品零售总额", "亿元", 120, "待核实", "约5"), Row(2, "外贸进出口", "亿元", 30, 20, 3));

        Assert.Equal(["社会消费品零售总额", "外贸进出口"], table.Rows.Select(r => r.Fields.Indicator));
        Assert.Null(table.Rows[0].Fields.Value);
        Assert.Null(table.Rows[0].Fields.Yoy);
        Assert.Equal(120m, table.Rows[0].Fields.AnnualTarget);
        var issues = table.Issues.Where(i => i.Row == 3).ToList();
        Assert.Equal([("E", "待核实"), ("F", "约5")], issues.Select(i => (i.Column!, i.Args[1])));
        Assert.All(issues, i => Assert.Equal((Severity.Error, IndicatorIssueCodes.NotANumber), (i.Severity, i.Code)));
    }

    [Theory]
    [InlineData("XX县主要经济指标")]
    [InlineData("XX县2026年13月主要经济指标")]
    [InlineData("XX县2026年9-3月主要经济指标")]
    public void A_table_whose_period_cannot_be_read_is_an_error_not_a_guess(string title)
    {
        var table = Plain(title, Row(1, "一般公共预算收入", "万元", 98000, 52300, 5.6));

        Assert.Null(table.PeriodFrom);
        Assert.Null(table.PeriodTo);
        Assert.Null(table.Rows.Single().Fields.PeriodTo);
        Assert.Contains(table.Issues, i => i is { Code: IndicatorIssueCodes.PeriodUnreadable, Severity: Severity.Error });
    }

    [Fact]
    public void The_year_comes_from_the_caller_when_the_title_has_none_and_is_an_error_when_nobody_gives_it()
    {
        object?[][] rows = [Row("1-10月主要经济指标"), PlainHeader, Row(1, "一般公共预算收入", "万元", 98000, 52300, 5.6)];

        var given = IndicatorTableReader.Read(Book(Sheet("指标", rows)), new IndicatorReadOptions { Year = 2025 });
        Assert.Equal(2025, given.Year);
        Assert.Equal(2025, given.Tables[0].Year);
        Assert.Empty(given.Tables[0].Issues);

        var none = IndicatorTableReader.Read(Book(Sheet("指标", rows))).Tables[0];
        Assert.Null(none.Year);
        Assert.Contains(none.Issues, i => i is { Code: IndicatorIssueCodes.YearMissing, Severity: Severity.Error });
    }

    [Fact]
    public void Two_row_headers_read_their_merged_groups()
    {
        var book = Book(new SheetSpec(
            "月报",
            [
                Row("2026年1-10月全县主要经济指标完成情况"),
                Row("（单位：亿元）"),
                Row("指标", "年度目标", null, "1-10月", null, "完成年度目标%", "时序进度%", "全市位次"),
                Row(null, "总量", "增速", "累计", "同比±%"),
                Row("地区生产总值", 520, 6.5, 401.2, "5.8", 77.2, 83.3, "第3位"),
                Row("规上工业增加值", null, 7, null, "6.9", null, 83.3, 5),
            ],
            [new(3, 1, 4, 1), new(3, 2, 3, 3), new(3, 4, 3, 5), new(3, 6, 4, 6), new(3, 7, 4, 7), new(3, 8, 4, 8)]));

        var table = IndicatorTableReader.Read(book).Tables.Single();

        Assert.Equal((2026, 1, 10), (table.Year, table.PeriodFrom, table.PeriodTo));
        Assert.Equal(new IndicatorFields("地区生产总值", null, "亿元", null, 1, 10, 401.2m, 5.8m, 520m, 6.5m, 77.2m, 83.3m, 3), table.Rows[0].Fields);
        Assert.Equal(new IndicatorFields("规上工业增加值", null, "亿元", null, 1, 10, null, 6.9m, null, 7m, null, 83.3m, 5), table.Rows[1].Fields);
        Assert.Empty(table.Issues);
    }

    [Theory]
    [InlineData("第3位", 3)]
    [InlineData("第三", 3)]
    [InlineData("3/12", 3)]
    [InlineData("第十二名", 12)]
    [InlineData("３", 3)]
    public void Ranks_as_offices_write_them(string written, int place)
    {
        var table = Plain("2026年1-10月主要经济指标", Row(1, "税收收入", "万元", 100, 80, 1.5, written));

        Assert.Equal(place, table.Rows.Single().Fields.Rank);
        Assert.Empty(table.Issues);
    }

    [Theory]
    [InlineData("前列")]
    [InlineData("2.5")]
    [InlineData("0")]
    [InlineData("5/3")]
    public void A_rank_that_is_no_place_is_a_warning_and_left_empty(string written)
    {
        var table = Plain("2026年1-10月主要经济指标", Row(1, "税收收入", "万元", 100, 80, 1.5, written));

        Assert.Null(table.Rows.Single().Fields.Rank);
        var issue = Assert.Single(table.Issues);
        Assert.Equal((Severity.Warning, IndicatorIssueCodes.RankUnreadable, "G", written), (issue.Severity, issue.Code, issue.Column, issue.Args[0]));
    }

    [Fact]
    public void Numbering_is_taken_off_names_and_a_section_row_is_not_an_indicator()
    {
        var table = Plain(
            "2026年1-10月主要经济指标",
            Row("一", "工业"),
            Row(null, "一、规上工业增加值", "%", null, null, 6.1),
            Row(null, "（二）工业用电量", "亿千瓦时", 20, 15.2, 3.3),
            Row("二、投资"),
            Row(null, "1.固定资产投资", "%", null, null, -1.2),
            Row(null, "2、房地产开发投资", "亿元", null, 12.5, -8.4),
            Row(null, "  其中：住宅投资", "亿元", null, 9.1, -6),
            Row(null, "（1）工业投资", "%", null, null, 10.2),
            Row(null, "①技改投资", "%", null, null, 12));

        Assert.Equal(["规上工业增加值", "工业用电量", "固定资产投资", "房地产开发投资", "住宅投资", "工业投资", "技改投资"], table.Rows.Select(r => r.Fields.Indicator));
        Assert.Equal([null, null, null, null, "房地产开发投资", null, null], table.Rows.Select(r => r.Fields.Parent));
        Assert.Equal("亿千瓦时", table.Rows[1].Fields.Measure);
        Assert.Empty(table.Issues);
    }

    [Fact]
    public void Indented_rows_after_a_parent_are_its_children()
    {
        var table = Plain(
            "2026年1-10月主要经济指标",
            Row(1, "一般公共预算收入", "万元", 98000, 52300, 5.6),
            Row(null, "  其中：税收收入", "万元", 72000, 38100, 4.9),
            Row(null, "        非税收入", "万元", 26000, 14200, 7.3),
            Row(2, "社会消费品零售总额", "万元", 620000, 301500, 6.1));

        Assert.Equal([null, "一般公共预算收入", "一般公共预算收入", null], table.Rows.Select(r => r.Fields.Parent));
    }

    [Fact]
    public void Full_width_digits_and_minus_signs_and_growth_words_are_numbers()
    {
        var table = Plain(
            "２０２６年１－１０月主要经济指标",
            Row("１", "规上工业总产值", "万元", "１，８５０，０００", "９０５，０００", "−2.3"),
            Row("２", "社会消费品零售总额", "万元", "620,000", "301500.5", "增长5.6%"),
            Row("３", "外贸进出口", "万元", null, "12000", "下降2.3%"),
            Row("４", "财政支出", "万元", null, "12000", "－0.5"),
            Row("５", "税收收入", "万元", null, "12000", "持平"));

        Assert.Equal((2026, 1, 10), (table.Year, table.PeriodFrom, table.PeriodTo));
        Assert.Equal([905000m, 301500.5m, 12000m, 12000m, 12000m], table.Rows.Select(r => r.Fields.Value));
        Assert.Equal([1850000m, 620000m, null, null, null], table.Rows.Select(r => r.Fields.AnnualTarget));
        Assert.Equal([-2.3m, 5.6m, -2.3m, -0.5m, 0m], table.Rows.Select(r => r.Fields.Yoy));
        Assert.Empty(table.Issues);
    }

    [Fact]
    public void A_figure_with_its_own_unit_is_converted_to_the_measure_with_a_warning_or_refused_when_it_cannot_be()
    {
        var table = One(
            Row("2026年1-10月主要经济指标"),
            Row("单位：万元"),
            Row("指标", "1-10月完成", "同比增长%"),
            Row("规上工业总产值", "1.2亿", 3.1),
            Row("社会消费品零售总额", "3500万元", 3.1),
            Row("工业用电量", "3万吨", 3.1),
            Row("外贸进出口", "1,2345", 3.1));

        Assert.Equal([12000m, 3500m, null, null], table.Rows.Select(r => r.Fields.Value));
        Assert.Contains(table.Issues, i => i is { Row: 4, Code: IndicatorIssueCodes.ValueConverted, Severity: Severity.Warning } && i.Args[1] == "12000");
        Assert.DoesNotContain(table.Issues, i => i.Row == 5);
        Assert.Contains(table.Issues, i => i is { Row: 6, Code: IndicatorIssueCodes.MeasureConflict, Severity: Severity.Error });
        Assert.Contains(table.Issues, i => i is { Row: 7, Code: IndicatorIssueCodes.NotANumber, Severity: Severity.Error });
    }

    [Fact]
    public void A_huge_number_is_refused()
    {
        var table = Plain("2026年1-10月主要经济指标", Row(1, "税收收入", "万元", 1e20, "123456789012345678901234567890", 1.5));

        Assert.Null(table.Rows.Single().Fields.Value);
        Assert.Null(table.Rows.Single().Fields.AnnualTarget);
        Assert.Equal(2, table.Issues.Count(i => i.Code == IndicatorIssueCodes.ValueTooLarge));
    }

    [Fact]
    public void Units_whose_figures_do_not_add_up_to_the_total_are_a_warning()
    {
        var table = One(
            Row("2026年1-10月各乡镇固定资产投资完成情况"),
            Row("单位", "完成（亿元）", "增速（%）", "排名"),
            Row("城关镇", 12.5, 3.1, 1),
            Row("河口镇", 8.25, -2, 2),
            Row("全县", 21.0, 1.2, null));

        Assert.Equal(IndicatorTableShape.UnitsAsRows, table.Shape);
        Assert.Equal(["城关镇", "河口镇", null], table.Rows.Select(r => r.Fields.UnitName));
        Assert.All(table.Rows, r => Assert.Equal(("固定资产投资", "亿元"), (r.Fields.Indicator, r.Fields.Measure)));
        var issue = Assert.Single(table.Issues);
        Assert.Equal((5, "B", IndicatorIssueCodes.TotalMismatch, Severity.Warning), (issue.Row, issue.Column, issue.Code, issue.Severity));
        Assert.Equal(["21", "20.75"], issue.Args.Skip(1));
    }

    [Fact]
    public void A_units_table_may_name_its_indicators_in_column_groups()
    {
        var book = Book(new SheetSpec(
            "乡镇",
            [
                Row("2026年1-9月各乡镇主要指标"),
                Row("乡镇", "规上工业总产值（万元）", null, "固定资产投资", null),
                Row(null, "完成", "位次", "增速%", "位次"),
                Row("城关镇", 318000, 1, 5.5, 2),
                Row("河口镇", 190500, 2, -1, 1),
            ],
            [new(2, 1, 3, 1), new(2, 2, 2, 3), new(2, 4, 2, 5)]));

        var table = IndicatorTableReader.Read(book).Tables.Single();

        Assert.Equal(
            [
                new IndicatorRow(4, new("规上工业总产值", null, "万元", "城关镇", 1, 9, 318000m, null, null, null, null, null, 1)),
                new IndicatorRow(4, new("固定资产投资", null, null, "城关镇", 1, 9, null, 5.5m, null, null, null, null, 2)),
                new IndicatorRow(5, new("规上工业总产值", null, "万元", "河口镇", 1, 9, 190500m, null, null, null, null, null, 2)),
                new IndicatorRow(5, new("固定资产投资", null, null, "河口镇", 1, 9, null, -1m, null, null, null, null, 1)),
            ],
            table.Rows);
    }

    [Fact]
    public void Two_tables_stacked_in_one_sheet_are_read_apart()
    {
        var table = IndicatorTableReader.Read(Book(Sheet(
            "月报",
            Row("2026年1-10月主要经济指标"),
            Row("指标", "计量单位", "1-10月", "同比增长%"),
            Row("地区生产总值", "亿元", 401.2, 5.8),
            Row("数据来源：县统计局"),
            Row(),
            Row("2026年1-10月各乡镇规上工业总产值"),
            Row("单位：万元"),
            Row("乡镇", "完成", "增速%"),
            Row("城关镇", 318000, 3.2),
            Row("合计", 318000, 3.2)))).Tables;

        Assert.Equal(2, table.Count);
        Assert.Equal(("2026年1-10月主要经济指标", IndicatorTableShape.IndicatorsAsRows), (table[0].Title, table[0].Shape));
        Assert.Equal(["地区生产总值"], table[0].Rows.Select(r => r.Fields.Indicator));
        Assert.Equal(("2026年1-10月各乡镇规上工业总产值", IndicatorTableShape.UnitsAsRows), (table[1].Title, table[1].Shape));
        Assert.Equal(["城关镇", null], table[1].Rows.Select(r => r.Fields.UnitName));
        Assert.All(table[1].Rows, r => Assert.Equal(("规上工业总产值", "万元"), (r.Fields.Indicator, r.Fields.Measure)));
        Assert.Empty(table.SelectMany(t => t.Issues));
    }

    [Fact]
    public void A_column_it_does_not_know_is_a_warning_with_its_header()
    {
        var table = One(Row("2026年1-10月主要经济指标"), Row("指标", "1-10月完成", "上年同期", "同比增长%"), Row("税收收入", 100, 95, 5.3));

        var issue = Assert.Single(table.Issues);
        Assert.Equal((Severity.Warning, IndicatorIssueCodes.ColumnUnmapped, "C", "上年同期"), (issue.Severity, issue.Code, issue.Column, issue.Args[0]));
        Assert.Equal((100m, 5.3m), (table.Rows[0].Fields.Value!.Value, table.Rows[0].Fields.Yoy!.Value));
    }

    [Fact]
    public void Instruction_sheets_are_skipped_and_a_sheet_without_header_says_so()
    {
        var book = IndicatorTableReader.Read(Book(
            Sheet("填报说明", Row("指标", "完成"), Row("请按月填报", 1)),
            Sheet("杂项", Row("这里没有表格"), Row("只有说明文字"))));

        var table = Assert.Single(book.Tables);
        Assert.Equal("杂项", table.Sheet);
        Assert.Equal(IndicatorIssueCodes.NoHeader, Assert.Single(table.Issues).Code);
    }

    [Fact]
    public void An_empty_workbook_gives_one_table_that_says_it_has_no_rows()
    {
        var book = IndicatorTableReader.Read(new Workbook([]));

        Assert.Equal(IndicatorIssueCodes.NoRows, Assert.Single(Assert.Single(book.Tables).Issues).Code);
        Assert.Null(book.PeriodTo);
    }

    [Fact]
    public void A_plain_number_format_written_by_LibreOffice_is_not_a_date()
    {
        Assert.False(XlsxReader.IsDateFormat("General"));
        Assert.True(XlsxReader.IsDateFormat("yyyy-mm-dd"));
    }

    [Fact]
    public void Every_issue_code_has_a_message_in_both_languages()
    {
        var codes = typeof(IndicatorIssueCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "Duban.Web", "Resources")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var text = File.ReadAllText(Path.Combine(dir.FullName, "src", "Duban.Web", "Resources", file));
            Assert.All(codes, c => Assert.Contains($"name=\"IndicatorImport.{c}\"", text, StringComparison.Ordinal));
        }
    }
}
