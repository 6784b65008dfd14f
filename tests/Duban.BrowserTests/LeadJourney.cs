using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed partial class LeadJourney(BrowserFixture app)
{
    private static string Day(int daysFromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_town_records_a_lead_it_goes_stale_the_office_urges_it_is_signed_and_lands_as_a_key_project_that_shows_where_it_came_from()
    {
        // 城关镇's liaison, on a phone, registers a lead and logs two contacts, the latest 35 days ago.
        var town = await app.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await app.SignInAsync(town, "chengguan");
        await town.GotoAsync("/Leads");
        await town.GetByRole(AriaRole.Link, new() { Name = "登记线索" }).ClickAsync();
        var form = town.GetByRole(AriaRole.Form, new() { Name = "登记线索" });
        await form.GetByLabel("项目名称").FillAsync("智能温控装备生产线");
        await form.GetByLabel("投资方", new() { Exact = true }).FillAsync("某智控科技有限公司");
        await form.GetByLabel("投资方所在地").FillAsync("广东佛山");
        await form.GetByLabel("产业链图谱").SelectOptionAsync(new SelectOptionValue { Label = "装备制造" });
        await form.GetByLabel("计划投资额（万元）").FillAsync("26000");
        await form.GetByLabel("推进阶段").SelectOptionAsync(new SelectOptionValue { Label = "意向" });
        await app.ScreenshotAsync(town, "100-lead-register-phone");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(town.GetByRole(AriaRole.Heading, new() { Name = "智能温控装备生产线" })).ToBeVisibleAsync();
        var leadUrl = town.Url;

        foreach (var (on, agreed) in new[] { (Day(-50), "对方来县考察城关镇工业园，初步确定用地需求 80 亩。"), (Day(-35), "第二轮洽谈，对方要求配套人才公寓和标准化厂房。") })
        {
            var contact = town.GetByRole(AriaRole.Form, new() { Name = "记录对接" });
            await contact.GetByLabel("对接日期").FillAsync(on);
            await contact.GetByLabel("方式").SelectOptionAsync(new SelectOptionValue { Label = "来访考察" });
            await contact.GetByLabel("参加人员").FillAsync("城关镇党委书记；投资方总经理");
            await contact.GetByLabel("洽谈内容及达成事项").FillAsync(agreed);
            await contact.GetByRole(AriaRole.Button, new() { Name = "保存对接记录" }).ClickAsync();
            await Expect(town.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        }

        // No contact for 35 days: yellow, and it says why.
        await Expect(town.Locator("#lead-contacts li")).ToHaveCountAsync(2);
        await Expect(town.Locator("#lead-light")).ToContainTextAsync("已 35 天未对接");
        await app.ScreenshotAsync(town, "101-lead-stale-phone");

        // Another town's liaison sees the count go up on the board, never the lead.
        var other = await app.NewPageAsync();
        await app.SignInAsync(other, "fgj");
        await other.GotoAsync("/Leads");
        await Expect(other.Locator("#lead-funnel")).ToBeVisibleAsync();
        await Expect(other.GetByText("智能温控装备生产线")).ToHaveCountAsync(0);
        await other.GotoAsync(leadUrl);
        await Expect(other.GetByText("某智控科技有限公司")).ToHaveCountAsync(0);

        // The office finds it among the yellow leads and sends a reminder letter through its work item.
        var office = await app.NewPageAsync();
        await app.SignInAsync(office, "duchashi");
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "招商引资" }).ClickAsync();
        await office.GetByLabel("亮灯").SelectOptionAsync(new SelectOptionValue { Label = "黄灯" });
        await office.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Expect(office.Locator("#lead-list")).ToContainTextAsync("智能温控装备生产线");
        await app.ScreenshotAsync(office, "102-lead-list-yellow");
        await office.Locator("#lead-list").GetByRole(AriaRole.Link, new() { Name = "智能温控装备生产线" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "督办与批示" }).ClickAsync();
        var notice = office.GetByRole(AriaRole.Form, new() { Name = "下发" });
        await notice.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "提醒函" });
        await notice.GetByLabel("督办事项与要求").FillAsync("该招商线索已 35 天未对接，请抓紧跟进并报告进展。");
        await notice.GetByLabel("书面回复期限").FillAsync(Day(5));
        await notice.GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync(ReminderNumber());
        await app.ScreenshotAsync(office, "103-lead-reminder");

        // The town follows up today and signs: the light is green again, the agreement recorded.
        await town.GotoAsync(leadUrl);
        var follow = town.GetByRole(AriaRole.Form, new() { Name = "记录对接" });
        await follow.GetByLabel("对接日期").FillAsync(Day(0));
        await follow.GetByLabel("参加人员").FillAsync("分管副县长；投资方董事长");
        await follow.GetByLabel("洽谈内容及达成事项").FillAsync("敲定投资协议文本，当日签约。");
        await follow.GetByRole(AriaRole.Button, new() { Name = "保存对接记录" }).ClickAsync();
        await Expect(town.Locator("#lead-light")).ToContainTextAsync("绿灯");
        var move = town.GetByRole(AriaRole.Form, new() { Name = "推进阶段" });
        await move.GetByLabel("推进到").SelectOptionAsync(new SelectOptionValue { Label = "已签约" });
        await move.GetByLabel("协议投资额（万元）").FillAsync("28000");
        await move.GetByRole(AriaRole.Button, new() { Name = "确认推进" }).ClickAsync();
        await Expect(town.Locator("#lead-agreement")).ToContainTextAsync("28,000 万元");
        await Expect(town.GetByRole(AriaRole.Form, new() { Name = "落地转为重点项目" })).ToHaveCountAsync(0); // the office lands it
        await app.ScreenshotAsync(town, "104-lead-signed-phone");

        // The office lands it: a key project with the lead's unit, leader and steward, saying where it came from.
        await office.GotoAsync(leadUrl);
        var land = office.GetByRole(AriaRole.Form, new() { Name = "落地转为重点项目" });
        await land.GetByLabel("总投资（万元）").FillAsync("28000");
        await land.GetByRole(AriaRole.Button, new() { Name = "确认落地并转入重点项目" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "智能温控装备生产线" })).ToBeVisibleAsync();
        await Expect(office.Locator("#project-origin")).ToContainTextAsync("某智控科技有限公司");
        await Expect(office.Locator("#project-origin")).ToContainTextAsync("对接记录 3 条");
        await Expect(office.Locator("#project-light")).ToBeVisibleAsync();
        await app.ScreenshotAsync(office, "105-lead-landed-project");

        await office.Locator("#project-origin").GetByRole(AriaRole.Link, new() { Name = "查看招商线索" }).ClickAsync();
        await Expect(office.Locator("#lead-light")).ToContainTextAsync("已销号");
        await Expect(office.Locator("#lead-project")).ToHaveTextAsync("智能温控装备生产线");

        // The pipeline board counts it as landed this year.
        await office.GotoAsync("/Leads/Board");
        await Expect(office.Locator("#lead-funnel-chart svg")).ToBeVisibleAsync();
        await Expect(office.Locator("#by-unit")).ToContainTextAsync("城关镇");
        await app.ScreenshotAsync(office, "106-lead-board");
    }

    [GeneratedRegex(@"已下发 提醒〔\d{4}〕第\d+号")]
    private static partial Regex ReminderNumber();
}
