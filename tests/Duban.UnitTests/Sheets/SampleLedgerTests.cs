using Duban.Sheets;
using Duban.Sheets.Ledgers;

namespace Duban.UnitTests.Sheets;

/// <summary>The two sample ledgers (shared/samples/ledgers, copied to tests/samples) read as a person reads them.</summary>
public class SampleLedgerTests
{
    internal static Workbook Open(string name)
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", name));
        return XlsxReader.Read(file);
    }

    [Fact]
    public void Task_list_sample_gives_seven_tasks_in_three_sections()
    {
        var parse = LedgerReader.Read(Open("重点工作任务清单-样例.xlsx"), LedgerKind.Tasks);

        Assert.Equal("任务清单", parse.Sheet);
        Assert.Equal(2026, parse.Year);
        Assert.Equal(3, parse.HeaderFirstRow);
        Assert.Equal(3, parse.HeaderLastRow);
        Assert.Equal([5, 6, 7, 9, 10, 12, 13], parse.Rows.Select(r => r.Row));
        Assert.Equal(["聚焦提质增效，推进经济高质量发展", "聚焦品质提升，推进城市高水平建设", "聚焦民生福祉，提升人民生活品质"], parse.Sections);

        var first = parse.Rows[0];
        Assert.Equal("加大招商引资力度", first.Text("name"));
        Assert.Equal("聚焦提质增效，推进经济高质量发展", first.Section);
        Assert.Equal("镇经济发展办", first.Text("leadUnit"));
        Assert.Equal(["镇招商服务中心"], first.Get<IReadOnlyList<string>>("supportingUnits"));
        Assert.Equal("陈明", first.Text("leader"));
        Assert.Equal(new DateOnly(2026, 12, 31), first.Get<DateOnly>("deadline"));
        var milestones = first.Get<List<MilestoneText>>("milestones")!;
        Assert.Equal([new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 30)], milestones.Select(m => m.Due));
        Assert.Equal("10月底前签约1个", milestones[0].Name);
        Assert.Equal("已签约1个（医用材料项目）", first.Text("progress"));

        var safety = parse.Rows.Single(r => r.Row == 7);
        Assert.Equal("部分隐患需停产整改，企业有抵触", safety.Text("problems"));
        Assert.Equal(["各村（社区）"], safety.Get<IReadOnlyList<string>>("supportingUnits"));

        // "每月报送进展" names no date: kept as a note and flagged, not guessed.
        var jobs = parse.Rows.Single(r => r.Row == 12);
        Assert.Null(jobs.Get<List<MilestoneText>>("milestones"));
        Assert.Equal("每月报送进展", jobs.Text("milestoneNotes"));
        Assert.Contains(parse.Issues, i => i.Row == 12 && i.Code == IssueCodes.MilestoneUnreadable && i.Severity == Severity.Warning);
        Assert.DoesNotContain(parse.Issues, i => i.Severity == Severity.Error);
    }

    [Fact]
    public void Project_sample_gives_ten_projects_with_amounts_period_and_sections()
    {
        var parse = LedgerReader.Read(Open("重点项目推进台账-样例.xlsx"), LedgerKind.Projects);

        Assert.Equal(3, parse.HeaderFirstRow);
        Assert.Equal(4, parse.HeaderLastRow);
        Assert.Equal("万元", parse.Unit);
        Assert.Equal(new DateOnly(2026, 10, 31), parse.AsOf);
        Assert.Equal(2026, parse.Year);
        Assert.Equal(10, parse.Rows.Count);
        Assert.Equal([18, 19], parse.TotalRows);
        Assert.Equal(["产业项目", "基础设施项目", "社会民生项目"], parse.Sections);

        var completed = parse.Columns.Single(c => c.Field == "completedToDate");
        Assert.Equal("H", completed.Letter);
        Assert.Equal(10, completed.Period.ToMonth);
        Assert.Equal(2026, parse.Columns.Single(c => c.Field == "annualPlan").Period.Year);
        Assert.Null(parse.Columns.Single(c => c.Letter == "I").Field is "completionRate" ? null : "mapped");

        var first = parse.Rows[0];
        Assert.Equal("年产20万套新能源汽车电驱系统项目", first.Text("name"));
        Assert.Equal("产业项目", first.Section);
        Assert.Equal(320000m, first.Get<decimal>("totalInvestment"));
        Assert.Equal(80000m, first.Get<decimal>("annualPlan"));
        Assert.Equal(61200m, first.Get<decimal>("completedToDate"));
        Assert.Equal(2, first.Get<int>("stage"));
        Assert.Equal(0, first.Get<int>("nature"));
        Assert.Equal(2026, first.Get<int>("startYear"));
        Assert.Equal(2028, first.Get<int>("endYear"));
        Assert.Equal(120.1832, first.Get<double>("longitude"), 4);
        Assert.Equal(30.8921, first.Get<double>("latitude"), 4);
        Assert.Equal("县经信局", first.Text("leadUnit"));
        Assert.Equal("陈晓东", first.Text("steward"));
        Assert.Equal("城东街道", first.Text("town"));
        Assert.Equal("二期用地指标尚未落实", first.Text("problems"));

        Assert.Equal("基础设施项目", parse.Rows.Single(r => r.Row == 12).Section);
        Assert.Equal("社会民生项目", parse.Rows.Single(r => r.Row == 17).Section);
        Assert.Equal(1_244_000m, parse.Rows.Sum(r => r.Get<decimal>("totalInvestment")));
        Assert.DoesNotContain(parse.Issues, i => i.Severity == Severity.Error);
    }

    [Fact]
    public void Investment_promotion_sample_reads_its_leaders_amounts_in_yi_yuan_and_flags_a_stage_outside_the_table()
    {
        var parse = LedgerReader.Read(Open("招商引资项目台账-样例.xlsx"), LedgerKind.Projects);

        Assert.Equal("在谈项目", parse.Sheet);
        Assert.Equal("亿元", parse.Unit);
        Assert.Equal(new DateOnly(2026, 11, 20), parse.AsOf);
        Assert.Equal(6, parse.Rows.Count);
        Assert.Equal("leader", parse.Columns.Single(c => c.Header == "包联县领导").Field);
        Assert.Equal("leadUnit", parse.Columns.Single(c => c.Header == "对接单位").Field);
        Assert.DoesNotContain(parse.Columns, c => c.Field == "completedToDate");
        Assert.True(parse.Columns.Single(c => c.Header == "投资方").Unmapped);
        Assert.Contains(parse.Issues, i => i.Code == IssueCodes.ColumnUnmapped && i.Column == "C");
        Assert.Null(parse.Columns.Single(c => c.Header == "投资方所在地").Field);

        var battery = parse.Rows[0];
        Assert.Equal("张卫东", battery.Text("leader"));
        Assert.Equal(300_000m, battery.Get<decimal>("annualPlan"));
        Assert.Equal(1, battery.Get<int>("stage"));
        Assert.Equal("开发区招商服务局", battery.Text("leadUnit"));

        // 终止 is no stage: flagged on its cell, and shown in the word table as not read.
        Assert.Contains(parse.Issues, i => i.Row == 11 && i.Column == "J" && i.Code == IssueCodes.StageUnknown && i.Severity == Severity.Error);
        Assert.Contains(new WordReading("stage", "终止", null), parse.Words);
        Assert.Contains(new WordReading("stage", "在谈", 0), parse.Words);
    }
}
