using Duban.Sheets.Ledgers;

namespace Duban.UnitTests.Sheets.Investment;

/// <summary>The investment-promotion sample (shared/samples/ledgers, copied to tests/samples): both sheets, every field of every row.</summary>
public class SampleInvestmentLedgerTests
{
    private const string Sample = "招商引资项目台账-样例.xlsx";

    [Fact]
    public void Leads_sheet_gives_six_leads_in_two_sections_with_amounts_in_wan_yuan()
    {
        var parse = LedgerReader.Read(SampleLedgerTests.Open(Sample), LedgerKind.Leads);

        Assert.Equal("在谈项目", parse.Sheet);
        Assert.Equal(["外出招商登记"], parse.SkippedSheets);
        Assert.Equal("XX县2026年招商引资项目推进台账", parse.Title);
        Assert.Equal(2026, parse.Year);
        Assert.Equal("亿元", parse.Unit);
        Assert.Equal(new DateOnly(2026, 11, 20), parse.AsOf);
        Assert.Equal(["新能源及装备制造", "农产品精深加工"], parse.Sections);
        Assert.Equal([12, 14], parse.TotalRows);
        Assert.All(parse.Columns, c => Assert.NotNull(c.Field));
        Assert.Equal(
            ["number", "name", "investor", "investorOrigin", "industry", "plannedInvestment", "source", "followingUnit", "leader", "stage", "firstContact", "lastContact", "progress", "notes"],
            parse.Columns.Select(c => c.Field));
        Assert.Empty(parse.Issues);
        Assert.Equal([5, 6, 7, 8, 10, 11], parse.Rows.Select(r => r.Row));

        Row(parse.Rows[0], "新能源及装备制造", new()
        {
            ["number"] = "1",
            ["name"] = "年产5GWh储能电池项目",
            ["investor"] = "某新能源科技股份有限公司",
            ["investorOrigin"] = "江苏常州",
            ["industry"] = "新能源",
            ["plannedInvestment"] = 300_000m,
            ["source"] = "以商招商",
            ["sourceCode"] = "businessReferral",
            ["followingUnit"] = "开发区招商服务局",
            ["leader"] = "张卫东",
            ["stage"] = 3,
            ["firstContact"] = new DateOnly(2026, 3, 12),
            ["lastContact"] = new DateOnly(2026, 11, 15),
            ["progress"] = "11月15日签订投资协议，拟12月注册公司，用地正在组卷。",
        });
        Row(parse.Rows[1], "新能源及装备制造", new()
        {
            ["number"] = "2",
            ["name"] = "风电装备零部件生产基地",
            ["investor"] = "某重工集团",
            ["investorOrigin"] = "上海",
            ["industry"] = "装备制造",
            ["plannedInvestment"] = 125_000m,
            ["source"] = "驻点招商",
            ["sourceCode"] = "residentOffice",
            ["followingUnit"] = "县工信局",
            ["leader"] = "张卫东",
            ["stage"] = 2,
            ["firstContact"] = new DateOnly(2026, 6, 2),
            ["lastContact"] = new DateOnly(2026, 10, 28),
            ["progress"] = "已完成第三轮洽谈，对方要求提供标准化厂房2万平方米。",
            ["notes"] = "需协调厂房",
        });
        Row(parse.Rows[2], "新能源及装备制造", new()
        {
            ["number"] = "3",
            ["name"] = "光伏组件边框项目",
            ["investor"] = "某铝业有限公司",
            ["investorOrigin"] = "浙江宁波",
            ["industry"] = "新材料",
            ["plannedInvestment"] = 32_000m,
            ["source"] = "外出招商",
            ["sourceCode"] = "trip",
            ["followingUnit"] = "河口镇",
            ["leader"] = "李明华",
            ["stage"] = 1,
            ["firstContact"] = new DateOnly(2026, 9, 20),
            ["lastContact"] = new DateOnly(2026, 9, 20),
            ["progress"] = "已考察选址，待对方董事会决策。",
        });
        Row(parse.Rows[3], "新能源及装备制造", new()
        {
            ["number"] = "4",
            ["name"] = "氢能重卡整车项目",
            ["investor"] = "某汽车集团",
            ["investorOrigin"] = "广东深圳",
            ["industry"] = "新能源",
            ["plannedInvestment"] = 500_000m,
            ["source"] = "产业链招商",
            ["sourceCode"] = "industryChain",
            ["followingUnit"] = "开发区招商服务局",
            ["leader"] = "王建国",
            ["stage"] = 5,
            ["firstContact"] = new DateOnly(2025, 11, 3),
            ["lastContact"] = new DateOnly(2026, 8, 30),
            ["progress"] = "已注册公司并开工，转入重点项目库管理。",
            ["notes"] = "已转重点项目",
        });
        Row(parse.Rows[4], "农产品精深加工", new()
        {
            ["number"] = "5",
            ["name"] = "预制菜中央厨房项目",
            ["investor"] = "某食品有限公司",
            ["investorOrigin"] = "山东临沂",
            ["industry"] = "农产品加工",
            ["plannedInvestment"] = 28_000m,
            ["source"] = "网络招商",
            ["sourceCode"] = "online",
            ["followingUnit"] = "县农业农村局",
            ["leader"] = "陈晓燕",
            ["stage"] = 2,
            ["firstContact"] = new DateOnly(2026, 7, 8),
            ["lastContact"] = new DateOnly(2026, 11, 2),
            ["progress"] = "对方已两次来县考察，正在比选河口镇、青石镇两处地块。",
        });
        Row(parse.Rows[5], "农产品精深加工", new()
        {
            ["number"] = "6",
            ["name"] = "茶叶精深加工及文旅综合体",
            ["investor"] = "某茶业集团",
            ["investorOrigin"] = "福建安溪",
            ["industry"] = "农产品加工",
            ["plannedInvestment"] = 60_000m,
            ["source"] = "以情招商",
            ["sourceCode"] = "personalTies",
            ["followingUnit"] = "青石镇",
            ["leader"] = "陈晓燕",
            ["stage"] = 9,
            ["firstContact"] = new DateOnly(2026, 2, 14),
            ["lastContact"] = new DateOnly(2026, 5, 6),
            ["progress"] = "对方因资金问题暂停投资计划。",
            ["notes"] = "终止原因：投资方资金链紧张",
            ["terminationReason"] = "投资方资金链紧张",
        });

        Assert.Equal(
            [new("stage", "已签约", 3), new("stage", "在谈", 2), new("stage", "意向", 1), new("stage", "已落地", 5), new("stage", "终止", 9)],
            parse.Words);
    }

    [Fact]
    public void Trips_sheet_gives_four_trips_with_a_range_and_a_month_flagged_as_approximate()
    {
        var parse = LedgerReader.Read(SampleLedgerTests.Open(Sample), LedgerKind.Trips);

        Assert.Equal("外出招商登记", parse.Sheet);
        Assert.Equal(["在谈项目"], parse.SkippedSheets);
        Assert.Equal(2026, parse.Year);
        Assert.Equal(["number", "unit", "leader", "dates", "places", "firmsMet", "leadsFormed", "notes"], parse.Columns.Select(c => c.Field));
        Assert.Equal([3, 4, 5, 6], parse.Rows.Select(r => r.Row));

        Row(parse.Rows[0], null, new()
        {
            ["number"] = "1",
            ["unit"] = "开发区招商服务局",
            ["leader"] = "张卫东",
            ["startDate"] = new DateOnly(2026, 3, 10),
            ["endDate"] = new DateOnly(2026, 3, 10),
            ["datesApproximate"] = false,
            ["places"] = "江苏常州、无锡",
            ["firmsMet"] = 6,
            ["leadsFormed"] = 2,
        });
        Row(parse.Rows[1], null, new()
        {
            ["number"] = "2",
            ["unit"] = "县工信局",
            ["leader"] = "张卫东",
            ["startDate"] = new DateOnly(2026, 5, 28),
            ["endDate"] = new DateOnly(2026, 5, 28),
            ["datesApproximate"] = false,
            ["places"] = "上海",
            ["firmsMet"] = 4,
            ["leadsFormed"] = 1,
        });
        Row(parse.Rows[2], null, new()
        {
            ["number"] = "3",
            ["unit"] = "河口镇",
            ["leader"] = "李明华",
            ["startDate"] = new DateOnly(2026, 9, 18),
            ["endDate"] = new DateOnly(2026, 9, 21),
            ["datesApproximate"] = false,
            ["places"] = "浙江宁波、台州",
            ["firmsMet"] = 5,
            ["leadsFormed"] = 1,
            ["notes"] = "含参加投资推介会",
        });
        Row(parse.Rows[3], null, new()
        {
            ["number"] = "4",
            ["unit"] = "青石镇",
            ["leader"] = "陈晓燕",
            ["startDate"] = new DateOnly(2026, 2, 1),
            ["endDate"] = new DateOnly(2026, 2, 28),
            ["datesApproximate"] = true,
            ["places"] = "福建安溪",
            ["firmsMet"] = 2,
            ["leadsFormed"] = 0,
        });

        // The month alone is read as the whole month and flagged, never taken as a day.
        var issue = Assert.Single(parse.Issues);
        Assert.Equal(("外出招商登记", 6, "D", Severity.Warning, IssueCodes.DateMonthOnly), (issue.Sheet, issue.Row, issue.Column, issue.Severity, issue.Code));
        Assert.Equal(["出访时间", "2026年2月"], issue.Args);
    }

    [Fact]
    public void The_sample_still_reads_as_projects_for_regions_that_import_it_so()
    {
        var parse = LedgerReader.Read(SampleLedgerTests.Open(Sample), LedgerKind.Projects);

        Assert.Equal("在谈项目", parse.Sheet);
        Assert.Equal(6, parse.Rows.Count);
    }

    /// <summary>The row's section and exactly these fields, no more and no fewer.</summary>
    internal static void Row(LedgerRow row, string? section, Dictionary<string, object?> expected)
    {
        Assert.Equal(section, row.Section);
        Assert.False(row.HasErrors);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), row.Fields.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected)
        {
            Assert.True(Equals(value, row.Fields[name]), $"row {row.Row} {name}: want {value}, got {row.Fields[name]}");
        }
    }
}
