using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed class OverviewJourney(BrowserFixture app)
{
    [Fact]
    public async Task A_leader_opens_the_overview_clicks_a_units_red_count_and_lands_on_exactly_those_items()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "总览" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作总览" })).ToBeVisibleAsync();
        await Expect(page.Locator("#overview-trend[data-ready=true]")).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "30-overview");

        // The first unit line with a red count: its figure, then its link.
        var red = page.Locator("#overview-units tbody tr:not([data-unit=total]) td[data-light=Red] a").First;
        var expected = int.Parse(await red.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expected > 0);
        await red.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Overview/Items\\?unitId=\\d+.*light=Red"));
        await Expect(page.Locator("#items-total")).ToHaveAttributeAsync("data-total", expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#overview-items tbody tr[data-item]")).ToHaveCountAsync(expected);
        foreach (var light in await page.Locator("#overview-items tbody [data-light]").AllAsync())
        {
            Assert.Equal("Red", await light.GetAttributeAsync("data-light"));
        }

        await app.ScreenshotAsync(page, "31-overview-red-items");

        // The big screen renders on its own and refreshes itself.
        await page.GotoAsync("/Overview");
        await page.GetByRole(AriaRole.Link, new() { Name = "大屏模式" }).ClickAsync();
        await Expect(page.Locator("body[data-screen=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("meta[http-equiv=refresh]")).ToHaveAttributeAsync("content", "120");
        await Expect(page.Locator("#overview-trend[data-ready=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("#overview-units")).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "32-big-screen");
    }
}
