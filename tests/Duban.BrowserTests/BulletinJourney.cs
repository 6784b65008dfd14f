using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed partial class BulletinJourney(BrowserFixture app)
{
    [Fact]
    public async Task The_office_composes_edits_and_issues_the_weekly_bulletin_and_a_unit_reads_it_from_its_inbox()
    {
        var office = await app.NewPageAsync();
        await app.SignInAsync(office, "duchashi");
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "通报" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "通报" })).ToBeVisibleAsync();
        var compose = office.GetByRole(AriaRole.Form, new() { Name = "生成通报草稿" });
        await compose.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "周报" });
        await compose.GetByRole(AriaRole.Button, new() { Name = "生成通报草稿" }).ClickAsync();

        // The draft: the document as it will print, with the red items and the charts drawn on the server.
        await Expect(office).ToHaveURLAsync(DraftUrl());
        var preview = office.Locator("#bulletin-preview");
        await Expect(preview).ToContainTextAsync("督查通报");
        await Expect(preview).ToContainTextAsync("（草稿）");
        await Expect(preview).ToContainTextAsync("三、招商引资推进情况"); // after the indicators, counts only
        await Expect(preview).ToContainTextAsync("四、红灯事项");
        await Expect(preview.Locator("img.od-image")).ToHaveCountAsync(2);
        Assert.True(await preview.Locator("img.od-image").First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The chart image did not load");
        await app.ScreenshotAsync(office, "50-bulletin-draft");

        var form = office.GetByRole(AriaRole.Form, new() { Name = "编辑草稿" });
        await form.GetByLabel("标题").FillAsync(string.Empty);
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(form).ToContainTextAsync("此项为必填项");
        await form.GetByLabel("标题").FillAsync("关于本周重点工作推进情况的通报");
        await form.GetByLabel("总体情况").FillAsync("本周全县重点工作总体推进有序，红灯事项较上周有所减少。");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        await Expect(preview).ToContainTextAsync("红灯事项较上周有所减少");

        office.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "签发" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync(NumberPattern());
        await Expect(office.Locator("#bulletin-issued")).ToBeVisibleAsync();
        await Expect(office.GetByRole(AriaRole.Form, new() { Name = "编辑草稿" })).ToHaveCountAsync(0);
        var download = await office.RunAndWaitForDownloadAsync(() => office.GetByRole(AriaRole.Link, new() { Name = "下载 Word" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Matches(NumberPattern(), download.SuggestedFilename);
        var path = await download.PathAsync();
        var head = new byte[2];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.Equal("PK"u8.ToArray(), head);
        await app.ScreenshotAsync(office, "51-bulletin-issued");

        // When the next draft comes is the region's rule, next to its other rules.
        await office.GotoAsync("/Settings");
        var weekday = office.GetByLabel("周报草稿生成日");
        await Expect(weekday).ToHaveValueAsync("Friday");
        await Expect(office.GetByLabel("生成时间（时，0–23）")).ToHaveValueAsync("17");
        await weekday.ScrollIntoViewIfNeededAsync();
        await app.ScreenshotAsync(office, "53-settings-bulletins");

        // A town's liaison is told in the inbox and reads the issued bulletin, and its print view.
        var liaison = await app.NewPageAsync();
        await app.SignInAsync(liaison, "chengguan");
        await liaison.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { NameRegex = InboxPattern() }).ClickAsync();
        await liaison.GetByRole(AriaRole.Link, new() { NameRegex = IssuedMessage() }).First.ClickAsync();
        await Expect(liaison.Locator("#bulletin-preview")).ToContainTextAsync("红灯事项较上周有所减少");
        await Expect(liaison.GetByRole(AriaRole.Form, new() { Name = "编辑草稿" })).ToHaveCountAsync(0);
        await liaison.GetByRole(AriaRole.Link, new() { Name = "打印版" }).ClickAsync();
        await Expect(liaison.Locator("article.official-document")).ToContainTextAsync(NumberPattern());
        await app.ScreenshotAsync(liaison, "52-bulletin-print");
    }

    [GeneratedRegex(@"/Bulletins/\d+$")]
    private static partial Regex DraftUrl();

    [GeneratedRegex(@"〔\d{4}〕第\d+期")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^消息")]
    private static partial Regex InboxPattern();

    [GeneratedRegex(@"〔\d{4}〕第\d+期 关于本周重点工作推进情况的通报 已印发")]
    private static partial Regex IssuedMessage();
}
