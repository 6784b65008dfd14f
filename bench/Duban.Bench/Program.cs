using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Duban.Bench;
using Duban.Data;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project bench/Duban.Bench -- [--provider sqlite|postgres] [--cs CONNECTION] [--iterations N]
var provider = Arg("--provider") ?? "sqlite";
var iterations = int.Parse(Arg("--iterations") ?? "300", CultureInfo.InvariantCulture);
var dir = Directory.CreateTempSubdirectory("duban-bench-").FullName;
var connection = Arg("--cs") ?? (provider == "sqlite" ? $"Data Source={Path.Combine(dir, "bench.db")}" : throw new ArgumentException("--cs is required for postgres"));

await using var app = new BenchApp(provider, connection);
var generate = Stopwatch.StartNew();
var (units, people) = await ProvinceGenerator.GenerateAsync(app.Services);
Console.WriteLine($"# Duban foundation benchmark — {provider}, {units:N0} units, {people:N0} people (generated in {generate.Elapsed.TotalSeconds:F1} s)");
Console.WriteLine($"# {iterations} requests per row after 20 warm-up requests; in-process server, times in ms");
Console.WriteLine();
Console.WriteLine("| request | as | p50 | p95 | max |");
Console.WriteLine("|---|---|---:|---:|---:|");

var office = await app.ClientAsync("bench-office");
var city = await app.ClientAsync("bench-city");
var town = await app.ClientAsync("bench-town");
var (townUnit, someUnit) = await app.WithDbAsync(async db =>
{
    var t = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == "bench-town").Select(a => a.UnitId!.Value).SingleAsync();
    var s = await db.Units.IgnoreQueryFilters().Where(u => u.Name == "第3市第2县部门05").Select(u => u.Id).SingleAsync();
    return (t, s);
});

await Measure("GET /api/v1/units (whole tree)", "office", office, "/api/v1/units");
await Measure("GET /api/v1/units (city subtree)", "city leader", city, "/api/v1/units");
await Measure("GET /api/v1/units (one town)", "town liaison", town, "/api/v1/units");
await Measure("GET /api/v1/units/{id}", "town liaison", town, $"/api/v1/units/{townUnit}");
await Measure("GET /api/v1/people?q=…", "office", office, "/api/v1/people?q=" + Uri.EscapeDataString("人员12"));
await Measure("GET /api/v1/people?unitId=…", "city leader", city, $"/api/v1/people?unitId={someUnit}");
await Measure("GET /Units (tree page)", "office", await app.BrowserAsync("bench-office"), "/Units");
await Measure("GET /Units (tree page)", "town liaison", await app.BrowserAsync("bench-town"), "/Units");
await Measure("GET /People?unitId=…", "office", await app.BrowserAsync("bench-office"), $"/People?unitId={someUnit}");

SqliteCleanup();
return 0;

async Task Measure(string name, string who, HttpClient client, string url)
{
    for (var i = 0; i < 20; i++)
    {
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
    }

    var times = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var sw = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        await response.Content.LoadIntoBufferAsync();
        times[i] = sw.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
    }

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {who} | {times[iterations / 2]:F2} | {times[(int)(iterations * 0.95)]:F2} | {times[^1]:F2} |"));
}

void SqliteCleanup()
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dir, recursive: true);
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

// Any type of the web assembly names its entry point; this project has its own Program.
internal sealed class BenchApp(string provider, string connection) : WebApplicationFactory<Duban.Web.SharedResource>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(RepoRoot(), "src", "Duban.Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Duban", connection);
        builder.UseSetting("Duban:SeedDemoOnFirstStart", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Duban.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    public async Task<T> WithDbAsync<T>(Func<DubanDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DubanDb>());
    }

    public async Task<HttpClient> ClientAsync(string user)
    {
        var token = ApiTokenAuthentication.NewToken();
        await WithDbAsync(async db =>
        {
            var id = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == user).Select(a => a.Id).SingleAsync();
            db.ApiTokens.Add(new ApiToken { AccountId = id, Name = "bench", Prefix = token[..10], Hash = ApiTokenAuthentication.HashOf(token), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> BrowserAsync(string user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent([new("UserName", user), new("Password", ProvinceGenerator.Password), new("__RequestVerificationToken", token)]);
        var response = await client.PostAsync("/Account/Login", form);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Sign-in failed for " + user);
        }

        return client;
    }
}
