using Duban.Sheets;
using Duban.Sheets.Ledgers;

namespace Duban.UnitTests.Sheets;

public class ValuesTests
{
    private static SheetCell T(string text) => new(text);

    private static SheetCell N(double number, bool isDate = false) => new(number.ToString(System.Globalization.CultureInfo.InvariantCulture), number, isDate);

    [Theory]
    [InlineData("2026-06-30", 2026, 6, 30)]
    [InlineData("2026/6/30", 2026, 6, 30)]
    [InlineData("2026.6.30", 2026, 6, 30)]
    [InlineData("2026年6月30日", 2026, 6, 30)]
    [InlineData("2026年6月", 2026, 6, 30)]
    [InlineData("2026年2月底", 2026, 2, 28)]
    [InlineData("2026.3", 2026, 3, 31)]
    [InlineData("2027.1", 2027, 1, 31)]
    [InlineData("6月底前", 2026, 6, 30)]
    [InlineData("12月底", 2026, 12, 31)]
    [InlineData("11月15日前", 2026, 11, 15)]
    [InlineData("年底", 2026, 12, 31)]
    [InlineData("年底前", 2026, 12, 31)]
    [InlineData("上半年", 2026, 6, 30)]
    [InlineData("三季度末", 2026, 9, 30)]
    [InlineData("10月中旬", 2026, 10, 20)]
    [InlineData("２０２６年９月３０日", 2026, 9, 30)]
    public void Dates_as_people_write_them(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), Values.Date(T(text), 2026).Value);

    [Fact]
    public void A_date_without_a_year_takes_the_ledgers_year_with_a_warning()
    {
        var read = Values.Date(T("6月底前"), 2025);
        Assert.Equal(new DateOnly(2025, 6, 30), read.Value);
        Assert.Equal(IssueCodes.DateYearAssumed, read.Code);
        Assert.Equal(Severity.Warning, read.Severity);
        Assert.Null(Values.Date(T("2026-06-30"), 2025).Code);
    }

    [Fact]
    public void Excel_date_cells_and_serials_are_read()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), Values.Date(N(46387, isDate: true), 2026).Value);
        Assert.Equal(new DateOnly(2026, 12, 31), Values.Date(N(46387), 2026).Value);
    }

    [Fact]
    public void A_number_that_may_be_a_shortened_month_10_is_flagged_not_guessed()
    {
        var read = Values.Date(N(2027.1), 2026);
        Assert.True(read.Failed);
        Assert.Equal(IssueCodes.DateAmbiguous, read.Code);
        Assert.Null(read.Value);
        Assert.Equal(new DateOnly(2026, 3, 31), Values.Date(N(2026.3), 2026).Value);
        Assert.Equal(new DateOnly(2026, 12, 31), Values.Date(N(2026.12), 2026).Value);
    }

    [Theory]
    [InlineData("一周内")]
    [InlineData("10个工作日内")]
    [InlineData("长期坚持")]
    [InlineData("立即")]
    public void Relative_deadlines_need_a_person(string text)
    {
        var read = Values.Date(T(text), 2026);
        Assert.True(read.Failed);
        Assert.Equal(IssueCodes.DateRelative, read.Code);
    }

    [Theory]
    [InlineData("下个月吧")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    public void Unreadable_dates_are_errors(string text) =>
        Assert.Equal(IssueCodes.DateUnreadable, Values.Date(T(text), 2026).Code);

    [Fact]
    public void Amounts_are_converted_to_wan_yuan()
    {
        Assert.Equal(32m, Values.Amount(N(32), 1m).Value);
        Assert.Equal(320_000m, Values.Amount(N(32), 10_000m).Value);
        Assert.Equal(1.5m, Values.Amount(N(15_000), 0.0001m).Value);
        Assert.Equal(12_000m, Values.Amount(T("1.2亿"), 1m).Value);
        Assert.Equal(IssueCodes.AmountTextUnit, Values.Amount(T("1.2亿"), 1m).Code);
        Assert.Equal(1_234.5m, Values.Amount(T("1,234.5"), 1m).Value);
        Assert.Null(Values.Amount(T("—"), 1m).Value);
        Assert.False(Values.Amount(T("—"), 1m).Failed);
    }

    [Theory]
    [InlineData("约2.1", "notANumber")]
    [InlineData("待定", "notANumber")]
    [InlineData("-5", "negative")]
    public void Amounts_that_are_not_numbers_or_negative_are_refused(string text, string code)
    {
        var read = Values.Amount(T(text), 1m);
        Assert.True(read.Failed);
        Assert.Equal(code, read.Code);
    }

    [Fact]
    public void Negative_number_cells_are_refused() => Assert.Equal(IssueCodes.Negative, Values.Amount(N(-3), 1m).Code);

    [Fact]
    public void Several_units_in_one_cell_are_split() =>
        Assert.Equal(["县发改局", "县财政局", "县自然资源局", "各乡镇"], Values.Split("县发改局、县财政局；县自然资源局，各乡镇"));

    [Theory]
    [InlineData("开工", 2)]
    [InlineData("在建", 2)]
    [InlineData("签约", 1)]
    [InlineData("投产", 3)]
    [InlineData("试运行", 3)]
    [InlineData("达效", 4)]
    [InlineData("前期", 0)]
    public void Stages(string text, int stage) => Assert.Equal(stage, Values.Stage(T(text)).Value);

    [Fact]
    public void Unknown_stage_is_an_error() => Assert.Equal(IssueCodes.StageUnknown, Values.Stage(T("快好了")).Code);

    [Fact]
    public void Years_and_coordinates()
    {
        Assert.Equal((2026, 2028), Values.Years(T("2026-2028")).Value);
        Assert.Equal((2025, 2027), Values.Years(T("2025—2027年")).Value);
        Assert.Equal((120.1832, 30.8921), Values.Coordinates(T("120.1832,30.8921")).Value);
        Assert.Equal((120.1832, 30.8921), Values.Coordinates(T("30.8921，120.1832")).Value);
        Assert.True(Values.Coordinates(T("东经120度")).Failed);
    }

    [Theory]
    [InlineData("1-10月完成投资", 10)]
    [InlineData("1—11月\n完成投资（万元）", 11)]
    [InlineData("截至10月底累计完成投资", 10)]
    public void Period_headers_name_their_month(string header, int month)
    {
        Assert.Equal(month, HeaderText.Period(header).ToMonth);
        Assert.Equal("completedToDate", LedgerFields.Match(LedgerKind.Projects, header)?.Name);
    }

    [Theory]
    [InlineData("项目名称及建设内容", "name")]
    [InlineData("牵头单位", "leadUnit")]
    [InlineData("分管领导", "leader")]
    [InlineData("2026年计划投资", "annualPlan")]
    [InlineData("总投资\n（亿元）", "totalInvestment")]
    public void Project_headers_and_synonyms(string header, string field) =>
        Assert.Equal(field, LedgerFields.Match(LedgerKind.Projects, header)?.Name);

    [Theory]
    [InlineData("责任单位", "leadUnit")]
    [InlineData("时间节点", "milestones")]
    [InlineData("完成时限", "deadline")]
    [InlineData("责任领导", "leader")]
    public void Task_headers_and_synonyms(string header, string field) =>
        Assert.Equal(field, LedgerFields.Match(LedgerKind.Tasks, header)?.Name);

    [Fact]
    public void Exported_escapes_are_undone_on_import() => Assert.Equal("=1+1", Values.Text(T("'=1+1")));

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("+86 123")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    public void Cells_that_could_run_as_formulas_are_escaped(string text) => Assert.Equal("'" + text, CellValue.Escape(text));
}
