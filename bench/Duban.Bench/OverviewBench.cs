using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>The overview at province scale: 100,000 tasks (with their reports) and 20,000 projects, lit.</summary>
public static class OverviewBench
{
    public static async Task RunAsync(BenchApp app, string provider, int iterations, Stopwatch generate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(generate);
        var (tasks, _, _) = await LoopGenerator.GenerateAsync(app.Services);
        var regionId = await app.WithDbAsync(db => db.Regions.IgnoreQueryFilters().Where(r => r.Code == "990000").Select(r => r.Id).SingleAsync());
        var months = await app.WithDbAsync(db => ProjectBench.GenerateAsync(db, regionId, 20_000));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(regionId);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Duban overview benchmark — {provider}: {tasks:N0} tasks and 20,000 projects ({months:N0} monthly rows), lit (data ready in {generate.Elapsed.TotalSeconds:F0} s)"));
        Console.WriteLine();
        Console.WriteLine("| request | as | rows | bytes | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var office = await app.ClientAsync("bench-office");
        var city = await app.ClientAsync("bench-city");
        var town = await app.ClientAsync("bench-town");
        var county = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Name == "第2市第3县").Select(u => u.Id).SingleAsync());
        await Timing.MeasureAsync("GET /api/v1/overview (whole province)", "office", iterations, () => office.GetAsync("/api/v1/overview"));
        await Timing.MeasureAsync("GET /api/v1/overview?unitId=… (one county)", "office", iterations, () => office.GetAsync($"/api/v1/overview?unitId={county}"));
        await Timing.MeasureAsync("GET /api/v1/overview (own city)", "city leader", iterations, () => city.GetAsync("/api/v1/overview"));
        await Timing.MeasureAsync("GET /api/v1/overview (own town)", "town liaison", iterations, () => town.GetAsync("/api/v1/overview"));
        var browser = await app.BrowserAsync("bench-office");
        await Timing.MeasureAsync("GET /Overview (page, whole province)", "office", iterations, () => browser.GetAsync("/Overview"));
        await Timing.MeasureAsync("GET /api/v1/overview/items?light=Red (500 rows)", "office", iterations, () => office.GetAsync($"/api/v1/overview/items?unitId={county}&light=Red"));

        // A bulletin of the whole province: composing its figures (a second compose refreshes the same draft),
        // then writing the Word document with its two charts drawn on the server.
        var runs = Math.Max(10, iterations / 10);
        var composed = await office.PostAsJsonAsync("/api/v1/bulletins", new { kind = "Weekly" });
        composed.EnsureSuccessStatusCode();
        var bulletin = (await composed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        await Timing.MeasureAsync("POST /api/v1/bulletins (compose the week's, whole province)", "office", runs, () => office.PostAsJsonAsync("/api/v1/bulletins", new { kind = "Weekly" }));
        await Timing.MeasureAsync("GET /api/v1/bulletins/{id}/document (.docx with 2 charts)", "office", runs, () => office.GetAsync($"/api/v1/bulletins/{bulletin}/document"));
        await Timing.MeasureAsync("GET /Bulletins/{id} (draft page with its preview)", "office", runs, () => browser.GetAsync($"/Bulletins/{bulletin}"));
    }
}
