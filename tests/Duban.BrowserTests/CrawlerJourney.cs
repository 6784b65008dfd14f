using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Duban.BrowserTests;

/// <summary>
/// Signs in as each demo role and walks every page reachable by links, at desktop and at phone width, the way a
/// curious person clicks around. Fails on an HTTP error for a link a page offered, a visible error or validation
/// box on a plain GET, a console or script error, raw exception text, a resource key shown instead of its text,
/// and, on the phone, a page wider than the screen.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class CrawlerJourney(BrowserFixture app, ITestOutputHelper output)
{
    /// <summary>Pages of the same shape (same path with other ids, same query keys) visited per role and width.</summary>
    private const int PerShapeDesktop = 2;
    private const int PerShapePhone = 1;
    private const int MaxPages = 160;

    private static readonly Lazy<string[]> ResourceKeys = new(() =>
        XDocument.Load(Path.Combine(BrowserFixture.RepoRootPath, "src", "Duban.Web", "Resources", "SharedResource.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            // Keys are "Area.Name"; a bare word could be ordinary text.
            .Where(k => k.Contains('.', StringComparison.Ordinal)).ToArray());

    public static TheoryData<string, string> Walks()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "duchashi", "leader", "fgj", "chengguan", "viewer", "admin", "auditor" })
        {
            data.Add(user, "desktop");
            data.Add(user, "phone");
        }

        // English is the second language: its pages must not show keys either.
        data.Add("duchashi", "desktop-en");
        data.Add("fgj", "phone-en");

        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Every_page_a_role_can_reach_by_links_opens_cleanly(string user, string width)
    {
        var phone = width.StartsWith("phone", StringComparison.Ordinal);
        var page = await app.NewPageAsync(phone ? new ViewportSize { Width = 390, Height = 844 } : null);
        await app.SignInAsync(page, user);
        if (width.EndsWith("-en", StringComparison.Ordinal))
        {
            var english = page.GetByRole(AriaRole.Button, new() { Name = "English" });
            if (!await english.IsVisibleAsync())
            {
                await page.Locator(".navbar-toggler").First.ClickAsync();
            }

            await english.ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Home" }).WaitForAsync();
        }

        var queue = new Queue<(string Url, string From)>();
        queue.Enqueue(("/", "sign-in"));
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var visited = 0;
        var downloads = 0;
        var origin = new Uri(app.BaseUrl);

        while (queue.Count > 0 && visited < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            if (IsDownload(url))
            {
                // A file the page offers: fetched with the same cookies, not opened as a page.
                var response = await page.Context.APIRequest.GetAsync(url);
                downloads++;
                if (response.Status >= 400)
                {
                    failures.Add($"{url} (offered on {from}) answered {response.Status}");
                }

                continue;
            }

            visited++;
            var watch = app.Watch(page);
            var before = (watch.ConsoleErrors.Count, watch.PageErrors.Count, watch.Violations.Count);
            var navigation = await page.GotoAsync(url);
            // Loaded, and no htmx request still out (history panels and partials load after the page).
            await page.WaitForFunctionAsync("() => document.readyState === 'complete' && !document.querySelector('.htmx-request')");
            var status = navigation?.Status ?? 0;
            if (status >= 400)
            {
                failures.Add($"{url} (offered on {from}) answered {status}");
                continue;
            }

            failures.AddRange((await ProblemsOnAsync(page, phone)).Select(p => $"{url}: {p}"));
            failures.AddRange(watch.ConsoleErrors.Skip(before.Item1).Select(e => $"{url}: console error {e}"));
            failures.AddRange(watch.PageErrors.Skip(before.Item2).Select(e => $"{url}: script error {e}"));
            failures.AddRange(watch.Violations.Skip(before.Item3).Select(e => $"{url}: CSP refused {e}"));

            var hrefs = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
            foreach (var href in hrefs)
            {
                if (!Uri.TryCreate(href, UriKind.Absolute, out var target) || target.Authority != origin.Authority || IsExcluded(target.AbsolutePath))
                {
                    continue;
                }

                var next = target.PathAndQuery;
                if (!seen.Add(next))
                {
                    continue;
                }

                var shape = ShapeOf(target);
                var count = shapes.GetValueOrDefault(shape);
                if (count >= (phone ? PerShapePhone : PerShapeDesktop))
                {
                    continue;
                }

                shapes[shape] = count + 1;
                queue.Enqueue((next, url));
            }

            if (failures.Count > 0 && !File.Exists(Path.Combine(app.ScreenshotDir, $"crawl-{user}-{width}-failure.png")))
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotDir, $"crawl-{user}-{width}-failure.png"), FullPage = true });
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{user} at {width}: {visited} pages of {shapes.Count} shapes and {downloads} files opened, {failures.Count} problems"));
        Assert.True(visited >= 5, $"{user} reached only {visited} pages: the walk did not get past the home page.");
        Assert.True(failures.Count == 0, $"{user} at {width} found:\n" + string.Join('\n', failures.Distinct().Take(40)));
    }

    private static bool IsExcluded(string path) =>
        path.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal);

    private static bool IsDownload(string url) => url.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>The path with ids replaced and the query's keys (with their values where they are words, e.g. light=Red).</summary>
    private static string ShapeOf(Uri url)
    {
        var path = Digits().Replace(url.AbsolutePath, "{n}");
        var keys = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.Split('=')[0]).Order(StringComparer.Ordinal);
        return path + "?" + string.Join('&', keys);
    }

    private static async Task<IReadOnlyList<string>> ProblemsOnAsync(IPage page, bool phone)
    {
        var problems = new List<string>();
        foreach (var selector in new[] { ".alert-danger", ".validation-summary-errors", ".field-validation-error", ".invalid-feedback" })
        {
            foreach (var box in await page.Locator(selector).AllAsync())
            {
                if (await box.IsVisibleAsync() && (await box.InnerTextAsync()).Trim() is { Length: > 0 } text)
                {
                    problems.Add($"a visible error box {selector}: “{text}”");
                }
            }
        }

        var body = await page.Locator("body").InnerTextAsync();
        foreach (var marker in new[] { "Exception", "   at Duban.", "NullReference", "Stack trace", "An unhandled", "Sequence contains" })
        {
            if (body.Contains(marker, StringComparison.Ordinal))
            {
                problems.Add($"raw exception text “{marker}”");
            }
        }

        var words = new HashSet<string>(WordLike().Matches(body).Select(m => m.Value), StringComparer.Ordinal);
        problems.AddRange(ResourceKeys.Value.Where(words.Contains).Select(k => $"the resource key {k} shown instead of its text"));

        if (phone)
        {
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, inner) = (widths[0], widths[1]);
            if (scroll > inner + 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"content {scroll}px wide on a {inner}px screen"));
            }
        }

        return problems;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+")]
    private static partial Regex WordLike();
}
