using System.Globalization;
using System.Text.RegularExpressions;
using Duban.Data;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

/// <summary>Each person opens the app and finds their own work on the home page, with figures that match what is stored.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class HomeJourney(BrowserFixture app)
{
    [Fact]
    public async Task The_office_finds_what_waits_on_its_decision_and_opens_it()
    {
        var (pending, firstPending) = await WithDbAsync(async db =>
        {
            var reviews = db.Reviews.IgnoreQueryFilters().Where(r => r.Status == ReviewStatus.Pending);
            var first = await reviews.OrderBy(r => r.RequestedAt).Join(db.WorkItems.IgnoreQueryFilters(), r => r.WorkItemId, w => w.Id, (r, w) => w.Name).FirstAsync();
            return (await reviews.CountAsync(), first);
        });

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "duchashi");
        var decide = page.GetByRole(AriaRole.Region, new() { Name = "待我决定" });
        await Expect(decide).ToBeVisibleAsync();
        await Expect(page.GetByTestId("home-pending")).ToHaveTextAsync(pending.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "全局概况" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "80-home-office");

        await decide.GetByRole(AriaRole.List, new() { Name = "待审核的申请" }).GetByRole(AriaRole.Link, new() { Name = firstPending }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = firstPending })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "申请与审核" })).ToContainTextAsync("待审核");
    }

    [Fact]
    public async Task A_leader_finds_the_items_they_answer_for_by_light_and_opens_the_red_ones()
    {
        var person = await app.PersonOfAsync("leader");
        var reds = await WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().CountAsync(w => w.LeaderId == person && w.Light == Light.Red));
        Assert.True(reds > 0, "The demo county gives its leader red items to answer for.");

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "我负责的事项" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("home-leader-red")).ToHaveTextAsync(reds.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "最新通报" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "81-home-leader");

        await page.GetByTestId("home-leader-red").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row)).ToHaveCountAsync(reds + 1);
        await app.ScreenshotAsync(page, "82-leader-reds");
    }

    [Fact]
    public async Task A_liaison_finds_its_reports_due_and_the_administrator_its_accounts()
    {
        var liaison = await app.NewPageAsync();
        await app.SignInAsync(liaison, "fgj");
        var due = liaison.GetByRole(AriaRole.List, new() { Name = "待报进展" });
        await Expect(due).ToBeVisibleAsync();
        await Expect(due.GetByRole(AriaRole.Link)).Not.ToHaveCountAsync(0);
        await Expect(liaison.GetByTestId("home-due")).ToContainTextAsync("七天内待报");
        await app.ScreenshotAsync(liaison, "83-home-liaison");

        var accounts = await WithDbAsync(db => db.Users.IgnoreQueryFilters().CountAsync(a => a.RegionId == db.Regions.IgnoreQueryFilters().Where(r => r.Name == "青山县").Select(r => r.Id).First()));
        var admin = await app.NewPageAsync();
        await app.SignInAsync(admin, "admin");
        await Expect(admin.GetByRole(AriaRole.Region, new() { Name = "系统运行" })).ToContainTextAsync("SQLite");
        await Expect(admin.GetByTestId("home-accounts-total")).ToHaveTextAsync(accounts.ToString(CultureInfo.InvariantCulture));
        await Expect(admin.GetByRole(AriaRole.Region, new() { Name = "待我决定" })).ToHaveCountAsync(0);
        await app.ScreenshotAsync(admin, "84-home-admin");
    }

    [Fact]
    public async Task On_a_phone_a_liaisons_weekly_report_starts_from_the_last_one()
    {
        var page = await app.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await app.SignInAsync(page, "chengguan");
        var town = await app.UnitIdAsync("城关镇");
        var (id, name) = await WithDbAsync(db => db.WorkItems.IgnoreQueryFilters()
            .Where(w => w.LeadUnitId == town && w.Kind == WorkItemKind.Task && w.Status == WorkItemStatus.InProgress)
            .OrderBy(w => w.Id).Select(w => new ValueTuple<int, string>(w.Id, w.Name)).FirstAsync());
        await page.GotoAsync($"/Tasks/{id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();

        // The first report of the week, typed in full.
        var percent = 30 + Random.Shared.Next(0, 30);
        var nextSteps = "下周完成征收入户调查" + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("本期完成情况").FillAsync("已完成摸底登记。");
        await page.GetByLabel("完成百分比（0–100）").FillAsync(percent.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("下步计划").FillAsync(nextSteps);
        await page.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已报送");

        // The next one starts from it: percent and next steps are there, what was done is this week's own.
        await Expect(page.GetByTestId("report-follows-last")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("完成百分比（0–100）")).ToHaveValueAsync(percent.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("下步计划")).ToHaveValueAsync(nextSteps);
        await Expect(page.GetByLabel("本期完成情况")).ToHaveValueAsync(string.Empty);
        await Expect(page.GetByLabel("本期完成情况")).ToHaveAttributeAsync("placeholder", new Regex(Regex.Escape(nextSteps)));
        await page.GetByLabel("本期完成情况").ScrollIntoViewIfNeededAsync();
        await app.ScreenshotAsync(page, "85-phone-report-follows-last");

        await page.GetByLabel("本期完成情况").FillAsync("入户调查完成过半。");
        await page.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已报送");
        var stored = await WithDbAsync(db => db.ProgressReports.IgnoreQueryFilters().Where(r => r.NextSteps == nextSteps).OrderBy(r => r.Id).Select(r => r.Percent).ToListAsync());
        Assert.Equal([percent, percent], stored);
    }

    private async Task<T> WithDbAsync<T>(Func<DubanDb, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<DubanDb>());
    }
}
