using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed class SupervisionLoopJourney(BrowserFixture app)
{
    [Fact]
    public async Task The_office_sets_a_task_the_liaison_reports_and_applies_the_office_closes_it_out()
    {
        var bureau = await app.UnitIdAsync("县发展和改革局");
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))).AddDays(3);
        var dueText = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = "编制全县重点项目储备库" + Guid.NewGuid().ToString("N")[..4];

        // The supervision office adds a task with a milestone due in three days.
        var office = await app.NewPageAsync();
        await app.SignInAsync(office, "duchashi");
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "任务清单" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("重点工作任务清单") }).First.ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "新增任务" }).ClickAsync();
        await office.GetByLabel("任务名称").FillAsync(name);
        await office.GetByLabel("牵头单位").SelectOptionAsync(bureau.ToString(CultureInfo.InvariantCulture));
        await office.GetByLabel("第 1 个时间节点", new() { Exact = true }).FillAsync("形成储备库初稿");
        await office.GetByLabel("第 1 个节点日期").FillAsync(dueText);
        await office.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        var light = office.GetByTestId("task-light");
        await Expect(light).ToContainTextAsync("黄灯");
        await Expect(light).ToContainTextAsync($"时间节点“形成储备库初稿”将于 {dueText} 到期");
        await app.ScreenshotAsync(office, "10-task-yellow");
        var taskUrl = office.Url;

        // The bureau's liaison, at another desk, reports progress and applies for close-out.
        var liaison = await app.NewPageAsync();
        await app.SignInAsync(liaison, "fgj");
        await liaison.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的待办" }).ClickAsync();
        await liaison.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await liaison.GetByLabel("本期完成情况").FillAsync("储备库初稿已完成，入库项目 86 个，总投资 312 亿元。");
        await liaison.GetByLabel("完成百分比（0–100）").FillAsync("100");
        await liaison.GetByRole(AriaRole.Checkbox, new() { Name = $"形成储备库初稿（{dueText}）" }).CheckAsync();
        await liaison.GetByLabel("附件（照片、文件）").SetInputFilesAsync(new FilePayload
        {
            Name = "储备库汇总表.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%demo\n"),
        });
        await liaison.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Expect(liaison.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已报送");
        await Expect(liaison.GetByTestId("task-light")).ToContainTextAsync("绿灯");
        await Expect(liaison.GetByRole(AriaRole.List, new() { Name = "进展记录" })).ToContainTextAsync("入库项目 86 个");
        await Expect(liaison.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("储备库汇总表.pdf") })).ToBeVisibleAsync();

        await liaison.GetByLabel("申请类型").SelectOptionAsync(new SelectOptionValue { Label = "销号申请" });
        await liaison.GetByLabel("说明").FillAsync("储备库已建成并通过县发改局党组会审议，申请销号。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(liaison.GetByRole(AriaRole.Status)).ToContainTextAsync("申请已提交");
        await Expect(liaison.GetByRole(AriaRole.List, new() { Name = "申请与审核" })).ToContainTextAsync("待审核");
        await app.ScreenshotAsync(liaison, "11-liaison-applied");

        // The office approves from its review queue; the task is done.
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        var row = office.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await row.GetByRole(AriaRole.Textbox).FillAsync("材料齐全，同意销号");
        await row.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已审核通过");
        await office.GotoAsync(taskUrl);
        await Expect(office.GetByTestId("task-light")).ToContainTextAsync("已销号");

        // Its record reads in words: the kind as 任务, nothing the light engine derives.
        var record = office.GetByRole(AriaRole.Table, new() { Name = "变更记录（留痕）" });
        await Expect(record).ToContainTextAsync("类型： 任务");
        await Expect(record).Not.ToContainTextAsync("OverdueProblems");
        await app.ScreenshotAsync(office, "12-task-done");

        // A liaison of another unit cannot see the task at all.
        var stranger = await app.NewPageAsync();
        await app.SignInAsync(stranger, "chengguan");
        var response = await stranger.GotoAsync(new Uri(taskUrl).PathAndQuery);
        Assert.Equal(404, response!.Status);
        await stranger.GotoAsync("/Todo");
        await Expect(stranger.GetByText(name)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_ledger_view_filters_by_light_and_reads_like_the_spreadsheet()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader");
        await page.GotoAsync("/Ledgers");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("重点工作任务清单") }).First.ClickAsync();
        var table = page.GetByRole(AriaRole.Table);
        await Expect(table).ToContainTextAsync("红灯");
        await page.GetByLabel("亮灯").SelectOptionAsync(new SelectOptionValue { Label = "红灯" });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("light=Red"));
        await Expect(table.Locator("tbody tr")).Not.ToHaveCountAsync(0);
        foreach (var cell in await table.Locator("tbody tr [data-light]").AllAsync())
        {
            Assert.Equal("Red", await cell.GetAttributeAsync("data-light"));
        }

        await app.ScreenshotAsync(page, "13-ledger-red");
    }

    [Fact]
    public async Task The_office_assigns_selected_rows_of_the_ledger_to_a_leader()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "duchashi");
        await page.GotoAsync("/Ledgers");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("重点工作任务清单") }).First.ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "选择“全年新签约亿元以上项目30个”" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "选择“开发区新签约亿元以上项目15个”" }).CheckAsync();
        await page.GetByLabel("责任领导").Last.SelectOptionAsync(new SelectOptionValue { Label = "王建国" });
        await page.GetByRole(AriaRole.Button, new() { Name = "交办所选任务" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已交办 2 项任务");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "全年新签约亿元以上项目30个" });
        await Expect(row).ToContainTextAsync("王建国");
        await app.ScreenshotAsync(page, "15-bulk-assign");
    }
}
