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

// Usage: dotnet run -c Release --project bench/Duban.Bench -- [--suite foundation|loop|load|projects|overview|ledgers|audit|indicators|leads] [--seconds N] [--provider sqlite|postgres] [--cs CONNECTION] [--iterations N]
var suite = Arg("--suite") ?? "foundation";
var provider = Arg("--provider") ?? "sqlite";
var iterations = int.Parse(Arg("--iterations") ?? "300", CultureInfo.InvariantCulture);
var dir = Directory.CreateTempSubdirectory("duban-bench-").FullName;
var connection = Arg("--cs") ?? (provider == "sqlite" ? $"Data Source={Path.Combine(dir, "bench.db")}" : throw new ArgumentException("--cs is required for postgres"));

await using var app = new BenchApp(provider, connection, sealInBackground: suite != "audit");
if (suite == "load")
{
    await using var loaded = new BenchApp(provider, connection);
    await LoadBench.RunAsync(loaded, provider, int.Parse(Arg("--seconds") ?? "10", CultureInfo.InvariantCulture));
    SqliteCleanup();
    return 0;
}

var generate = Stopwatch.StartNew();
var (units, people) = await ProvinceGenerator.GenerateAsync(app.Services);
if (suite == "overview")
{
    await OverviewBench.RunAsync(app, provider, iterations, generate);
    SqliteCleanup();
    return 0;
}

if (suite == "indicators")
{
    await IndicatorBench.RunAsync(app, provider, iterations, generate);
    SqliteCleanup();
    return 0;
}

if (suite == "leads")
{
    await LeadBench.RunAsync(app, provider, iterations, generate);
    SqliteCleanup();
    return 0;
}

if (suite == "audit")
{
    await AuditBench.RunAsync(app, provider, iterations);
    SqliteCleanup();
    return 0;
}

if (suite == "ledgers")
{
    await LedgerFileBench.RunAsync(app, provider, generate);
    SqliteCleanup();
    return 0;
}

if (suite == "projects")
{
    await ProjectBench.RunAsync(app, provider, iterations, generate);
    SqliteCleanup();
    return 0;
}

if (suite == "loop")
{
    await LoopBench.RunAsync(app, provider, iterations, generate);
    SqliteCleanup();
    return 0;
}

Console.WriteLine($"# Duban foundation benchmark — {provider}, {units:N0} units, {people:N0} people (generated in {generate.Elapsed.TotalSeconds:F1} s)");
Console.WriteLine($"# {iterations} requests per row after 20 warm-up requests; in-process server, times in ms");
Console.WriteLine();
Console.WriteLine("| request | as | rows | bytes | p50 | p95 | max |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");

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

Task Measure(string name, string who, HttpClient client, string url) => Timing.MeasureAsync(name, who, iterations, () => client.GetAsync(url));

void SqliteCleanup()
{
    if (Arg("--cs") is not null)
    {
        return; // the caller's database stays, for a second look
    }

    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dir, recursive: true);
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

