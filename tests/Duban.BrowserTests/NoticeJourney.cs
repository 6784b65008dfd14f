using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed class NoticeJourney(BrowserFixture app)
{
    [Fact]
    public async Task The_office_issues_a_supervision_notice_and_the_unit_answers_it_from_its_to_do()
    {
        const string task = "争取中央预算内投资2亿元";
        var answerBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var office = await app.NewPageAsync();
        await app.SignInAsync(office, "duchashi");
        await office.GotoAsync("/Ledgers");
        await office.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("重点工作任务清单") }).First.ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = task }).ClickAsync();
        var form = office.GetByRole(AriaRole.Form, new() { Name = "下发" });
        await form.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "督办单" });
        await form.GetByLabel("督办事项与要求").FillAsync("资金争取进度滞后，请书面说明原因及下步措施。");
        await form.GetByLabel("书面回复期限").FillAsync(answerBy);
        await form.GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("已下发 督办〔\\d{4}〕第\\d+号"));

        var liaison = await app.NewPageAsync();
        await app.SignInAsync(liaison, "fgj");
        await Expect(liaison.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^消息") })).ToContainTextAsync(new System.Text.RegularExpressions.Regex("\\d"));
        await liaison.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的待办" }).ClickAsync();
        var notices = liaison.GetByRole(AriaRole.List, new() { Name = "待回复的督办单" });
        await Expect(notices).ToContainTextAsync(task);
        await notices.GetByRole(AriaRole.Link, new() { Name = task }).ClickAsync();
        await liaison.GetByLabel("书面回复").FillAsync("已与省发改委对接，3个项目已入库，月底前完成申报。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "回复", Exact = true }).ClickAsync();
        await Expect(liaison.GetByRole(AriaRole.Status)).ToContainTextAsync("已回复");
        await Expect(liaison.GetByRole(AriaRole.List, new() { Name = "提醒函与督办单" })).ToContainTextAsync("已回复");
        await app.ScreenshotAsync(liaison, "14-notice-answered");
    }
}
