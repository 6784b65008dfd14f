using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed class ProjectJourney(BrowserFixture app)
{
    [Fact]
    public async Task The_office_adds_a_project_the_steward_reports_investment_far_behind_a_problem_is_closed_and_the_map_shows_it_red()
    {
        // 10 December (or today, if later this year): eleven months gone, time progress 91 %. Pinned forward
        // only, so that the browser's cookies stay valid by its own clock.
        var now = DateTimeOffset.UtcNow;
        var december = new DateTimeOffset(now.Year, 12, 10, 2, 0, 0, TimeSpan.Zero);
        using var pin = app.Clock.Pin(now > december ? now : december);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var bureau = await app.UnitIdAsync("县发展和改革局");
        var town = await app.UnitIdAsync("城关镇");
        var name = "青山县绿色建材产业园" + Guid.NewGuid().ToString("N")[..4];

        // The supervision office adds the project with its 1+1+1 and sets this year's plan.
        var office = await app.NewPageAsync();
        await app.SignInAsync(office, "duchashi");
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "重点项目" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "新增项目" }).ClickAsync();
        await office.GetByLabel("项目名称").FillAsync(name);
        await office.GetByLabel("项目库").SelectOptionAsync(new SelectOptionValue { Label = $"{today.Year}年县级重点项目库" });
        await office.GetByLabel("牵头单位").SelectOptionAsync(bureau.ToString(CultureInfo.InvariantCulture));
        await office.GetByLabel("责任领导").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.GetByLabel("项目管家").SelectOptionAsync((await app.PersonOfAsync("fgj")).ToString(CultureInfo.InvariantCulture));
        await office.GetByLabel("总投资").FillAsync("36000");
        await office.GetByLabel("所在乡镇").SelectOptionAsync(town.ToString(CultureInfo.InvariantCulture));
        await office.GetByLabel("经度").FillAsync("113.36");
        await office.GetByLabel("纬度").FillAsync("28.31");
        await office.GetByLabel("计划开工").FillAsync(new DateOnly(today.Year, 1, 10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        var projectUrl = office.Url;

        // Its stages: signed and started, so the light is about money, not the start.
        await office.GetByLabel("登记阶段").SelectOptionAsync("Signed");
        await office.GetByLabel("完成日期").FillAsync(new DateOnly(today.Year, 1, 5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await office.GetByLabel("登记阶段").SelectOptionAsync("Started");
        await office.GetByLabel("完成日期").FillAsync(new DateOnly(today.Year, 1, 10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await office.GetByLabel("年度计划投资").FillAsync("12000");
        await office.GetByRole(AriaRole.Button, new() { Name = "设定年度计划" }).ClickAsync();
        await Expect(office.Locator("#investment-figures")).ToContainTextAsync("12,000");

        // The steward (the bureau's liaison) records November: 3,600 of 12,000 is 30 %, 61 points behind 91 %.
        var steward = await app.NewPageAsync();
        await app.SignInAsync(steward, "fgj");
        await steward.GotoAsync(new Uri(projectUrl).PathAndQuery);
        await steward.GetByLabel("月份").SelectOptionAsync("11");
        await steward.GetByLabel("当月完成投资").FillAsync("3600");
        await steward.GetByRole(AriaRole.Button, new() { Name = "填报" }).ClickAsync();
        await Expect(steward.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        var light = steward.Locator("#project-light");
        await Expect(light).ToContainTextAsync("红灯");
        await Expect(light).ToContainTextAsync("投资完成严重落后序时进度 61 个百分点");
        await Expect(steward.Locator("#investment-figures")).ToContainTextAsync("30%");
        await app.ScreenshotAsync(steward, "20-project-red");

        // The office assigns a problem to the town, with a deadline.
        await office.ReloadAsync();
        await office.GetByLabel("问题", new() { Exact = true }).FillAsync("园区供电线路迁改未完成");
        await office.GetByLabel("问题类别").SelectOptionAsync("Coordination");
        await office.GetByLabel("责任单位").SelectOptionAsync(town.ToString(CultureInfo.InvariantCulture));
        await office.GetByLabel("完成时限").FillAsync(today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        await Expect(office.Locator("#project-problems")).ToContainTextAsync("园区供电线路迁改未完成");
        await Expect(office.Locator("#project-problems")).ToContainTextAsync("新交办");

        // The town answers it and applies for close-out from its own to-do list.
        var liaison = await app.NewPageAsync();
        await app.SignInAsync(liaison, "chengguan");
        await liaison.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的待办" }).ClickAsync();
        await liaison.GetByRole(AriaRole.Link, new() { Name = "园区供电线路迁改未完成" }).First.ClickAsync();
        await liaison.GetByLabel("本期完成情况").FillAsync("已与供电公司完成线路迁改，送电正常。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Expect(liaison.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已报送");
        await liaison.GetByLabel("申请类型").SelectOptionAsync(new SelectOptionValue { Label = "销号申请" });
        await liaison.GetByLabel("说明").FillAsync("线路迁改完成，附供电公司验收单，申请销号。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(liaison.GetByRole(AriaRole.Status)).ToContainTextAsync("申请已提交");

        // The office closes it out; the project's problem list shows it closed.
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        var row = office.GetByRole(AriaRole.Row).Filter(new() { HasText = "园区供电线路迁改未完成" });
        await row.GetByRole(AriaRole.Textbox).FillAsync("同意销号");
        await row.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已审核通过");
        await office.GotoAsync(new Uri(projectUrl).PathAndQuery);
        await Expect(office.Locator("#project-problems")).ToContainTextAsync("已销号");

        // The map board shows the project in its colour.
        await office.GotoAsync("/Projects/Map");
        await Expect(office.Locator("#map-board[data-ready=true]")).ToBeVisibleAsync();
        var onMap = office.Locator("#map-list li").Filter(new() { HasText = name });
        await Expect(onMap).ToHaveAttributeAsync("data-light", "Red");
        await app.ScreenshotAsync(office, "21-map-board");
    }
}
