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

    [Theory]
    [InlineData(2026.3, false, 2026, 3, 31)]
    [InlineData(2026.3, true, 2026, 3, 31)]
    [InlineData(2026.12, false, 2026, 12, 31)]
    [InlineData(2026.11, true, 2026, 11, 30)]
    [InlineData(2026.01, false, 2026, 1, 31)]
    [InlineData(2027.6, false, 2027, 6, 30)]
    [InlineData(20260630, false, 2026, 6, 30)]
    [InlineData(202609, false, 2026, 9, 30)]
    [InlineData(46387, true, 2026, 12, 31)]
    [InlineData(46387.75, true, 2026, 12, 31)]
    public void Numbers_in_a_date_column_read_as_they_were_typed(double number, bool dateCell, int y, int m, int d)
    {
        var read = Values.Date(N(number, dateCell), 2026);
        Assert.Null(read.Code);
        Assert.Equal(new DateOnly(y, m, d), read.Value);
    }

    [Theory]
    [InlineData(2026.1, false, "dateAmbiguous")]
    [InlineData(2026.1, true, "dateAmbiguous")]
    [InlineData(2026, false, "dateYearOnly")]
    [InlineData(2026.13, false, "dateUnreadable")]
    [InlineData(2026.123, true, "dateUnreadable")]
    [InlineData(45, true, "dateOutOfRange")]
    [InlineData(80_000, true, "dateOutOfRange")]
    [InlineData(1999.5, true, "dateOutOfRange")]
    [InlineData(12.5, false, "dateUnreadable")]
    [InlineData(-3, true, "dateUnreadable")]
    [InlineData(20261340, false, "dateUnreadable")]
    public void Numbers_that_cannot_be_read_as_a_plausible_date_are_flagged_never_guessed(double number, bool dateCell, string code)
    {
        var read = Values.Date(N(number, dateCell), 2026);
        Assert.True(read.Failed);
        Assert.Equal(code, read.Code);
        Assert.Null(read.Value);
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2101年3月")]
    [InlineData("1905-07-18")]
    public void Text_dates_outside_the_window_are_flagged(string text)
    {
        var read = Values.Date(T(text), 2026);
        Assert.True(read.Failed);
        Assert.Equal(IssueCodes.DateOutOfRange, read.Code);
    }

    [Theory]
    [InlineData("3500万元", 10_000, 3_500)]
    [InlineData("2.1亿元", 1, 21_000)]
    [InlineData("1.2亿", 1, 12_000)]
    [InlineData("1.2 亿", 0.0001, 12_000)]
    [InlineData("35000000元", 1, 3_500)]
    [InlineData("３５００万元", 1, 3_500)]
    public void Amounts_written_with_their_unit_use_that_unit_whatever_the_column_says(string text, double factor, double expected)
    {
        var read = Values.Amount(T(text), (decimal)factor);
        Assert.Equal((decimal)expected, read.Value);
        Assert.Equal(IssueCodes.AmountTextUnit, read.Code);
        Assert.False(read.Failed);
    }

    [Theory]
    [InlineData("约2.1亿", "notANumber")]
    [InlineData("2.1亿左右", "notANumber")]
    [InlineData("-1.2亿", "negative")]
    [InlineData("99999999999999999999999999999999", "amountTooLarge")]
    [InlineData("20000000亿", "amountTooLarge")]
    public void Amounts_with_words_or_signs_or_beyond_belief_are_refused(string text, string code)
    {
        var read = Values.Amount(T(text), 1m);
        Assert.True(read.Failed);
        Assert.Equal(code, read.Code);
    }

    [Fact]
    public void Number_cells_beyond_a_decimal_are_refused_not_thrown()
    {
        Assert.Equal(IssueCodes.AmountTooLarge, Values.Amount(N(1e300), 1m).Code);
        Assert.Equal(IssueCodes.AmountTooLarge, Values.Amount(N(double.NaN), 1m).Code);
        Assert.Equal(IssueCodes.AmountTooLarge, Values.Number(N(-1e300)).Code);
    }

    [Theory]
    [InlineData("完工", 3)]
    [InlineData("已投产", 3)]
    [InlineData("竣工", 3)]
    [InlineData("已落地", 1)]
    [InlineData("在谈", 0)]
    [InlineData(" 在建 ", 2)]
    public void Stage_words_are_read_through_the_table(string text, int stage)
    {
        var read = Values.Stage(T(text));
        Assert.Null(read.Code);
        Assert.Equal(stage, read.Value);
        Assert.Equal(stage, Values.StageWords[Values.WordKey(text)]);
    }

    [Theory]
    [InlineData("未开工")]
    [InlineData("终止")]
    [InlineData("暂停")]
    [InlineData("开工准备")]
    public void Stage_words_outside_the_table_are_flagged_even_when_they_contain_a_known_one(string text) =>
        Assert.Equal(IssueCodes.StageUnknown, Values.Stage(T(text)).Code);

    [Theory]
    [InlineData("分管区领导")]
    [InlineData("县级包联领导")]
    [InlineData("区级责任领导")]
    [InlineData("市级领导")]
    [InlineData("包联县领导")]
    [InlineData("责任县领导")]
    [InlineData("分管副县长")]
    [InlineData("县领导")]
    [InlineData("牵头市级领导")]
    public void Leader_columns_are_known_by_their_level_and_role(string header)
    {
        Assert.Equal("leader", LedgerFields.Match(LedgerKind.Projects, header)?.Name);
        Assert.Equal("leader", LedgerFields.Match(LedgerKind.Tasks, header)?.Name);
    }

    [Theory]
    [InlineData("带队领导")]
    [InlineData("领导批示")]
    [InlineData("项目来源")]
    [InlineData("投资方所在地")]
    public void Headers_that_only_resemble_a_field_stay_unmapped(string header) =>
        Assert.Null(LedgerFields.Match(LedgerKind.Projects, header));

    [Theory]
    [InlineData("投资额", "年度计划", "annualPlan")]
    [InlineData("金额（万元）", "1-9月累计完成", "completedToDate")]
    [InlineData("投资", "截至9月底完成情况", "completedToDate")]
    [InlineData("计划", "2026年", "annualPlan")]
    [InlineData("完成", "1-9月", "completedToDate")]
    [InlineData("完成率", "1-9月累计完成", "completionRate")]
    [InlineData("形象进度", "1-9月完成情况", "physicalProgress")]
    [InlineData("年度计划", "投资情况（万元）", "annualPlan")]
    [InlineData("1-9月累计完成", "投资情况", "completedToDate")]
    [InlineData("总投资", "投资情况", "totalInvestment")]
    [InlineData("牵头", "责任单位", "leadUnit")]
    public void Sub_headers_take_their_meaning_from_the_group_above(string header, string group, string field) =>
        Assert.Equal(field, LedgerFields.Match(LedgerKind.Projects, header, group)?.Name);

    [Fact]
    public void The_years_planned_content_under_a_plan_group_is_no_field_of_the_project()
    {
        Assert.Null(LedgerFields.Match(LedgerKind.Projects, "建设内容", "年度计划"));
        Assert.Null(LedgerFields.Match(LedgerKind.Projects, "计划", "1-9月"));
        Assert.Equal("scale", LedgerFields.Match(LedgerKind.Projects, "建设内容")?.Name);
    }

    [Theory]
    [InlineData("年度计划", "annualPlan")]
    [InlineData("1-9月累计完成", "completedToDate")]
    [InlineData("2026年计划", "annualPlan")]
    [InlineData("累计完成率", "completionRate")]
    [InlineData("进展情况及存在问题", "physicalProgress")]
    public void The_words_alone_without_investment(string header, string field) =>
        Assert.Equal(field, LedgerFields.Match(LedgerKind.Projects, header)?.Name);

    [Fact]
    public void Plain_plan_or_done_without_a_period_is_not_guessed()
    {
        Assert.Null(LedgerFields.Match(LedgerKind.Projects, "计划"));
        Assert.Null(LedgerFields.Match(LedgerKind.Projects, "完成"));
    }
}
