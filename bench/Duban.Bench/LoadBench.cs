using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// The API under a loopback load: wrk (Debian's package) at 1 and 4 connections against a real Kestrel port,
/// as a signed-in town liaison (so the scope filter is in every query) and as the office for writes.
/// </summary>
public static partial class LoadBench
{
    public static async Task RunAsync(BenchApp app, string provider, int seconds)
    {
        ArgumentNullException.ThrowIfNull(app);
        var baseUrl = app.StartKestrel(); // before anything builds the host
        await ProvinceGenerator.GenerateAsync(app.Services);
        await LoopGenerator.GenerateAsync(app.Services);

        // Lit, as the schedule would have it: an unlit province answers "by light" with empty lists.
        var regionId = await app.WithDbAsync(db => db.Regions.IgnoreQueryFilters().Where(r => r.Code == "990000").Select(r => r.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Duban.Web.Features.Lights.RecomputeLights>().RunAsync(regionId);
        }

        var town = await app.TokenAsync("bench-town");
        var office = await app.TokenAsync("bench-office");
        var city = await app.TokenAsync("bench-city");
        var (task, ledger, unit) = await app.WithDbAsync(async db =>
        {
            var townUnit = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == "bench-town").Select(a => a.UnitId!.Value).SingleAsync();
            var t = await db.WorkItems.IgnoreQueryFilters().Where(w => w.LeadUnitId == townUnit).Select(w => w.Id).FirstAsync();
            var l = await db.Ledgers.IgnoreQueryFilters().OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var u = await db.Units.IgnoreQueryFilters().Where(x => x.Name == "第1市").Select(x => x.Id).SingleAsync();
            return (t, l, u);
        });

        var script = Path.Combine(Path.GetTempPath(), "duban-create-task.lua");
        await File.WriteAllTextAsync(script, $$"""
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.body = '{"ledgerId":{{ledger}},"name":"压测新增任务","leadUnitId":{{unit}},"cadence":"Weekly"}'
            """);

        Console.WriteLine($"# Duban API under loopback load (wrk, {seconds} s per row) — {provider}");
        Console.WriteLine();
        Console.WriteLine("| request | as | rows | bytes | connections | requests/s | p50 ms | p90 ms | p99 ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        // Warm up first (JIT, tiered compilation, pools, prepared statements), so that the first row measures
        // the same steady state as the others.
        foreach (var (url, token, body) in new[] { ($"{baseUrl}/api/v1/tasks?light=Red&pageSize=100", town, (string?)null), ($"{baseUrl}/api/v1/tasks/{task}", town, null), ($"{baseUrl}/api/v1/tasks", office, script) })
        {
            await RowAsync(null, "warm-up", token, url, 2, 3, body);
        }

        foreach (var connections in new[] { 1, 4 })
        {
            await RowAsync("GET /api/v1/tasks?light=Red&pageSize=100", "office (province)", office, $"{baseUrl}/api/v1/tasks?light=Red&pageSize=100", connections, seconds, null);
            await RowAsync("GET /api/v1/tasks?light=Red&pageSize=100", "city leader", city, $"{baseUrl}/api/v1/tasks?light=Red&pageSize=100", connections, seconds, null);
            await RowAsync("GET /api/v1/tasks?light=Red&pageSize=100", "town liaison", town, $"{baseUrl}/api/v1/tasks?light=Red&pageSize=100", connections, seconds, null);
            await RowAsync("GET /api/v1/tasks/{id}", "town liaison", town, $"{baseUrl}/api/v1/tasks/{task}", connections, seconds, null);
            await RowAsync("POST /api/v1/tasks", "office", office, $"{baseUrl}/api/v1/tasks", connections, seconds, script);
        }
    }

    private static async Task RowAsync(string? name, string who, string token, string url, int connections, int seconds, string? script)
    {
        // What one response holds, so that the row says what it measured (and refuses an empty list).
        var (rows, bytes) = ("1", 0L);
        if (script is null && name is not null)
        {
            using var client = new HttpClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var one = await client.GetAsync(new Uri(url));
            one.EnsureSuccessStatusCode();
            var body = await one.Content.ReadAsByteArrayAsync();
            (rows, bytes) = (Timing.Rows(name + " as " + who, body, one.Content.Headers.ContentType?.MediaType), body.Length);
        }

        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t", "1", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", seconds + "s", "--latency", "-H", "Authorization: Bearer " + token })
        {
            start.ArgumentList.Add(arg);
        }

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(url);
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (output.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(name + ": some responses failed\n" + output);
        }

        string Latency(string p) => Percentile().Matches(output).FirstOrDefault(m => m.Groups[1].Value == p) is { } m ? Ms(m.Groups[2].Value, m.Groups[3].Value) : "?";
        if (name is null)
        {
            return;
        }

        var rps = Rps().Match(output).Groups[1].Value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {who} | {rows} | {(bytes == 0 ? "—" : bytes.ToString("N0", CultureInfo.InvariantCulture))} | {connections} | {rps} | {Latency("50")} | {Latency("90")} | {Latency("99")} |"));
    }

    private static string Ms(string value, string unit)
    {
        var v = double.Parse(value, CultureInfo.InvariantCulture);
        var ms = unit switch { "us" => v / 1000, "ms" => v, "s" => v * 1000, _ => v };
        return ms.ToString("F2", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rps();
}
