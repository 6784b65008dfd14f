using Duban.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// The real app on a real Kestrel port over a fresh SQLite file with the demo county, and Debian's
/// Chromium driven by Playwright. Screenshots of each journey go to .test-artifacts/screens.
/// </summary>
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string dataDir = Directory.CreateTempSubdirectory("duban-browser-").FullName;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, PageWatch> watches = [];
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ScreenshotDir { get; } = Path.Combine(RepoRoot(), ".test-artifacts", "screens");

    /// <summary>The server's clock; a journey that needs a particular day pins it and lets go at the end.</summary>
    public JourneyClock Clock { get; } = new();

    public BrowserFixture() => UseKestrel();

    public async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(ScreenshotDir);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/test.sh does).");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Duban:DataDirectory", dataDir);
        builder.UseSetting("ConnectionStrings:Duban", $"Data Source={Path.Combine(dataDir, "duban.db")}");
        builder.UseSetting("Duban:SeedDemoOnFirstStart", "true");
        builder.UseSetting("Duban:Security:SignInAttemptsPerMinutePerClient", "0");
        builder.UseSetting("Duban:Security:SignInAttemptsPerMinutePerName", "0");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A fresh browser profile, as a second person at another desk would have.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var watch = new PageWatch();
        watches.AddOrUpdate(page, watch);
        await page.ExposeFunctionAsync("__dubanViolation", (string v) => watch.Violations.Enqueue(v));
        await page.AddInitScriptAsync(PageWatch.Script);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                watch.ConsoleErrors.Enqueue($"{m.Text} ({m.Location})");
            }
        };
        page.PageError += (_, e) => watch.PageErrors.Enqueue(e);
        return page;
    }

    /// <summary>What went wrong on a page since it opened: policy violations, console errors, uncaught errors.</summary>
    public PageWatch Watch(IPage page) => watches.TryGetValue(page, out var watch) ? watch : throw new InvalidOperationException("Not a page of this fixture.");

    public async Task SignInAsync(IPage page, string userName, string? password = null)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("登录名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password ?? Web.Setup.DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "工作台" }).WaitForAsync();
    }

    public async Task<int> UnitIdAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    public async Task<int> PersonOfAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        return await db.Users.IgnoreQueryFilters().Where(a => a.UserName == userName).Select(a => a.PersonId!.Value).SingleAsync();
    }

    /// <summary>A screenshot, after checking that the Content-Security-Policy refused nothing on the way here.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        Assert.True(Watch(page).Violations.IsEmpty, $"The Content-Security-Policy refused something before {name}: {string.Join(" | ", Watch(page).Violations)}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
    }

    public static string RepoRootPath => RepoRoot();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Duban.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Path.GetTempPath();
    }
}

/// <summary>
/// Records, on every page a journey opens, what the Content-Security-Policy refused (each
/// securitypolicyviolation event, across navigations), console errors and uncaught errors.
/// </summary>
public sealed class PageWatch
{
    public const string Script = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', function (e) {
          var text = e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.documentURI + (e.sample ? ' (' + e.sample + ')' : '');
          window.__cspViolations.push(text);
          if (window.__dubanViolation) { window.__dubanViolation(text); }
        }, true);
        """;

    public System.Collections.Concurrent.ConcurrentQueue<string> Violations { get; } = new();

    public System.Collections.Concurrent.ConcurrentQueue<string> ConsoleErrors { get; } = new();

    public System.Collections.Concurrent.ConcurrentQueue<string> PageErrors { get; } = new();
}

/// <summary>
/// The system clock unless a journey pins it. Pin only to now or later: the browser judges cookie expiry
/// by its own clock.
/// </summary>
public sealed class JourneyClock : TimeProvider
{
    private DateTimeOffset? pinned;

    public override DateTimeOffset GetUtcNow() => pinned ?? DateTimeOffset.UtcNow;

    public IDisposable Pin(DateTimeOffset at)
    {
        pinned = at;
        return new Unpin(this);
    }

    private sealed class Unpin(JourneyClock clock) : IDisposable
    {
        public void Dispose() => clock.pinned = null;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
