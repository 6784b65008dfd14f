using Duban.Sheets;
using Duban.Sheets.Indicators;
using Duban.Sheets.Ledgers;

namespace Duban.UnitTests.Sheets.Indicators;

/// <summary>The sample statistics workbook (shared/samples/indicators, copied to tests/samples) read fact by fact.</summary>
public class SampleIndicatorTests
{
    private static IndicatorWorkbook Sample()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", "indicators", "主要经济指标-样例.xlsx"));
        return IndicatorTableReader.Read(XlsxReader.Read(file));
    }

    [Fact]
    public void Workbook_gives_two_tables_for_june_2026()
    {
        var book = Sample();

        Assert.Equal(2026, book.Year);
        Assert.Equal(6, book.PeriodTo);
        Assert.Equal(["上半年指标", "乡镇"], book.Tables.Select(t => t.Sheet));
        Assert.DoesNotContain(book.Tables.SelectMany(t => t.Issues), i => i.Severity == Severity.Error);
    }

    [Fact]
    public void First_sheet_has_one_indicator_per_row_in_wan_yuan_for_january_to_june()
    {
        var table = Sample().Tables[0];

        Assert.Equal("XX县2026年1-6月主要经济指标", table.Title);
        Assert.Equal(IndicatorTableShape.IndicatorsAsRows, table.Shape);
        Assert.Equal((2026, 1, 6), (table.Year, table.PeriodFrom, table.PeriodTo));
        Assert.Equal([4, 5, 6, 7, 8, 9], table.Rows.Select(r => r.Row));
        Assert.Equal(["一般公共预算收入", "税收收入", "固定资产投资", "社会消费品零售总额", "规上工业总产值", "地区生产总值"], table.Rows.Select(r => r.Fields.Indicator));
        Assert.All(table.Rows, r => Assert.Equal("万元", r.Fields.Measure));
        Assert.All(table.Rows, r => Assert.Null(r.Fields.UnitName));
        Assert.All(table.Rows, r => Assert.Null(r.Fields.Rank));
        Assert.All(table.Rows, r => Assert.Null(r.Fields.TimeProgress));
        Assert.All(table.Rows, r => Assert.Null(r.Fields.TargetGrowth));

        Assert.Equal(new IndicatorFields("一般公共预算收入", null, "万元", null, 1, 6, 52300m, 5.6m, 98000m, null, 53.4m, null, null), table.Rows[0].Fields);
        Assert.Equal(new IndicatorFields("税收收入", "一般公共预算收入", "万元", null, 1, 6, 38100m, 4.9m, 72000m, null, 52.9m, null, null), table.Rows[1].Fields);

        // Growth only: no value, no target, and no issue for the blanks.
        Assert.Equal(new IndicatorFields("固定资产投资", null, "万元", null, 1, 6, null, 8.8m, null, null, null, null, null), table.Rows[2].Fields);
        Assert.Equal(new IndicatorFields("社会消费品零售总额", null, "万元", null, 1, 6, 301500m, 6.1m, 620000m, null, 48.6m, null, null), table.Rows[3].Fields);
        Assert.Equal(new IndicatorFields("规上工业总产值", null, "万元", null, 1, 6, 905000m, -2.3m, 1850000m, null, 48.9m, null, null), table.Rows[4].Fields);

        // A quarterly figure in a half-year table keeps its own period.
        Assert.Equal(new IndicatorFields("地区生产总值", null, "万元", null, 1, 3, 338000m, 5.2m, 1450000m, null, null, null, null), table.Rows[5].Fields);

        // The 备注 column's text is kept as a warning on its row; the footer row is not a row.
        Assert.Equal(
            [(6, "只公布增速"), (8, "6月快报"), (9, "季度数据")],
            table.Issues.Where(i => i.Code == IndicatorIssueCodes.Remark).Select(i => (i.Row, i.Args[0])));
        Assert.All(table.Issues, i => Assert.Equal(Severity.Warning, i.Severity));
        Assert.Equal([IndicatorIssueCodes.Remark], table.Issues.Select(i => i.Code).Distinct());
    }

    [Fact]
    public void Second_sheet_has_four_towns_ranked_and_a_total_that_adds_up()
    {
        var table = Sample().Tables[1];

        Assert.Equal("2026年1-6月各乡镇规上工业总产值", table.Title);
        Assert.Equal(IndicatorTableShape.UnitsAsRows, table.Shape);
        Assert.Equal((2026, 1, 6), (table.Year, table.PeriodFrom, table.PeriodTo));
        Assert.Equal(
            [
                new IndicatorRow(4, new("规上工业总产值", null, "万元", "城关镇", 1, 6, 318000m, 3.2m, 620000m, null, null, null, 1)),
                new IndicatorRow(5, new("规上工业总产值", null, "万元", "河口镇", 1, 6, 190500m, -6.5m, 410000m, null, null, null, 3)),
                new IndicatorRow(6, new("规上工业总产值", null, "万元", "青石镇", 1, 6, 152000m, 1.1m, 300000m, null, null, null, 2)),
                new IndicatorRow(7, new("规上工业总产值", null, "万元", "白沙乡", 1, 6, 38000m, -15.2m, 90000m, null, null, null, 4)),
                new IndicatorRow(8, new("规上工业总产值", null, "万元", null, 1, 6, 698500m, null, 1420000m, null, null, null, null)),
            ],
            table.Rows);
        Assert.Empty(table.Issues);
    }
}
