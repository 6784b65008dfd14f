using System.Text.Json;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Overview;

/// <summary>Every figure of the overview equals a direct count over the items it summarises, and its link lists exactly them.</summary>
public abstract class OverviewTests(DubanFactory app)
{
    private TestData D => app.Data;

    private sealed record Fact(int Id, WorkItemKind Kind, Light Light, LightReason Reason, string Path, int? LeaderId, int? LiaisonId, WorkItemStatus Status, DateOnly? Deadline, DateOnly? ClosedOn, DateTime? NextReportDueAt, int Extensions);

    private Task<List<Fact>> FactsAsync() => app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == D.RegionId)
        .Select(w => new Fact(w.Id, w.Kind, w.Light, w.LightReason, w.LeadUnitPath, w.LeaderId, w.LiaisonId, w.Status, w.Deadline, w.ClosedOn, w.NextReportDueAt, w.ExtensionCount)).ToListAsync());

    private async Task CheckAsync(HttpClient client, List<Fact> visible, string query)
    {
        var today = Duban.Domain.RegionClock.Today(app.Clock, "Asia/Shanghai");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var response = await client.GetAsync("/api/v1/overview" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var data = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var (kind, name) in new[] { (WorkItemKind.Task, "tasks"), (WorkItemKind.KeyProject, "projects"), (WorkItemKind.Problem, "problems") })
        {
            var counts = data.GetProperty(name);
            foreach (var light in Enum.GetValues<Light>())
            {
                Assert.True(visible.Count(f => f.Kind == kind && f.Light == light) == counts.GetProperty(char.ToLowerInvariant(light.ToString()[0]) + light.ToString()[1..]).GetInt32(), $"{name} {light} ({query})");
            }
        }

        var units = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.RegionId == D.RegionId).ToDictionaryAsync(u => u.Id, u => u.Path));
        var lines = data.GetProperty("units").EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines.Append(data.GetProperty("total")))
        {
            var unitId = line.GetProperty("unitId").GetInt32();
            var direct = line.GetProperty("direct").GetBoolean();
            var mine = unitId == 0 ? visible
                : visible.Where(f => direct ? f.Path == units[unitId] : f.Path.StartsWith(units[unitId], StringComparison.Ordinal)).ToList();
            var lights = line.GetProperty("lights");
            Assert.True(mine.Count(f => f.Light == Light.Red) == lights.GetProperty("red").GetInt32(), $"red of unit {unitId} (direct: {direct}, {query}): {mine.Count(f => f.Light == Light.Red)} counted, {lights.GetProperty("red").GetInt32()} shown");
            Assert.Equal(mine.Count(f => f.Light == Light.Yellow), lights.GetProperty("yellow").GetInt32());
            Assert.Equal(mine.Count(f => f.Light == Light.Green), lights.GetProperty("green").GetInt32());
            Assert.Equal(mine.Count(f => f.Light == Light.Done), lights.GetProperty("done").GetInt32());
            Assert.Equal(mine.Count(f => f.Reason is LightReason.MilestoneOverdue or LightReason.DeadlineOverdue), line.GetProperty("overdue").GetInt32());
            Assert.Equal(mine.Count(f => f.Status is not WorkItemStatus.Closed and not WorkItemStatus.Paused && f.NextReportDueAt < now), line.GetProperty("reportsMissing").GetInt32());
            Assert.Equal(mine.Sum(f => f.Extensions), line.GetProperty("extensions").GetInt32());
            var due = mine.Count(f => (f.Status == WorkItemStatus.Closed && f.Deadline != null) || (f.Status != WorkItemStatus.Closed && f.Deadline < today));
            var onTime = mine.Count(f => f.Status == WorkItemStatus.Closed && f.Deadline != null && f.ClosedOn <= f.Deadline);
            Assert.Equal(due, line.GetProperty("due").GetInt32());
            Assert.Equal(onTime, line.GetProperty("onTime").GetInt32());

            // The link behind the red figure lists exactly those items.
            if (unitId != 0)
            {
                var items = await client.GetFromJsonAsync<JsonElement>($"/api/v1/overview/items?unitId={unitId}&light=Red{(direct ? "&direct=true" : string.Empty)}");
                Assert.Equal(mine.Where(f => f.Light == Light.Red).Select(f => f.Id).Order(), items.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).Order());
            }
        }

        // The lines add up to the total.
        Assert.Equal(data.GetProperty("total").GetProperty("lights").GetProperty("red").GetInt32(), lines.Sum(l => l.GetProperty("lights").GetProperty("red").GetInt32()));
    }

    [Fact]
    public async Task The_region_figures_equal_direct_counts_and_their_links_list_exactly_those_items()
    {
        var office = await D.ApiClientAsync("duchashi");
        var facts = await FactsAsync();
        Assert.Contains(facts, f => f.Light == Light.Red);
        await CheckAsync(office, facts, string.Empty);

        // One unit's subtree, and one kind.
        await CheckAsync(office, facts.Where(f => f.Path.StartsWith(PathOf(D.UnitB, facts), StringComparison.Ordinal)).ToList(), $"?unitId={D.UnitB}");
        var projects = facts.Where(f => f.Kind == WorkItemKind.KeyProject).ToList();
        var data = await office.GetFromJsonAsync<JsonElement>("/api/v1/overview?kind=KeyProject");
        Assert.Equal(projects.Count(f => f.Light == Light.Red), data.GetProperty("total").GetProperty("lights").GetProperty("red").GetInt32());
        Assert.Equal(0, data.GetProperty("tasks").GetProperty("red").GetInt32());
    }

    [Fact]
    public async Task A_liaison_sees_figures_only_for_the_part_of_the_tree_it_may_see()
    {
        var liaison = await D.ApiClientAsync("fgj");
        var person = await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(a => a.UserName == "fgj").Select(a => a.PersonId).SingleAsync());
        var pathA = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Id == D.UnitA).Select(u => u.Path).SingleAsync());
        var supported = await app.WithDbAsync(db => db.WorkItemUnits.IgnoreQueryFilters().Where(s => s.UnitPath.StartsWith(pathA)).Select(s => s.WorkItemId).ToListAsync());
        var facts = await FactsAsync();
        var visible = facts.Where(f => f.Path.StartsWith(pathA, StringComparison.Ordinal) || f.LeaderId == person || f.LiaisonId == person || supported.Contains(f.Id)).ToList();
        Assert.True(visible.Count < facts.Count);
        await CheckAsync(liaison, visible, string.Empty);

        // Another unit's subtree is not there to ask for.
        var foreign = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/overview/items?unitId={D.UnitB}&light=Red");
        Assert.Equal(0, foreign.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_trend_counts_each_weeks_light_changes_by_the_regions_local_week()
    {
        var office = await D.ApiClientAsync("duchashi");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var today = Duban.Domain.RegionClock.Today(app.Clock, "Asia/Shanghai");
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));

        // Changes at the edges of the weeks, local time: Monday 00:00 belongs to its week, Sunday 23:59 to the one before.
        var item = (await FactsAsync()).First(f => f.Kind == WorkItemKind.Task).Id;
        DateTime Local(DateOnly day, int hour, int minute) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), zone);
        var added = new[]
        {
            new LightChange { RegionId = D.RegionId, WorkItemId = item, At = Local(monday, 0, 0), From = Light.Green, To = Light.Red },
            new LightChange { RegionId = D.RegionId, WorkItemId = item, At = Local(monday.AddDays(-1), 23, 59), From = Light.Green, To = Light.Yellow },
            new LightChange { RegionId = D.RegionId, WorkItemId = item, At = Local(monday.AddDays(-49), 0, 0), From = Light.Red, To = Light.Done },
            new LightChange { RegionId = D.RegionId, WorkItemId = item, At = Local(monday.AddDays(-49), 0, 0).AddSeconds(-1), From = Light.Red, To = Light.Done },
        };
        await app.WithDbAsync(async db => { db.LightChanges.AddRange(added); return await db.SaveChangesAsync(); });
        try
        {
            var changes = await app.WithDbAsync(db => db.LightChanges.IgnoreQueryFilters().Where(c => c.RegionId == D.RegionId).Select(c => new { c.At, c.To }).ToListAsync());
            var data = await office.GetFromJsonAsync<JsonElement>("/api/v1/overview");
            var weeks = data.GetProperty("trend").EnumerateArray().ToList();
            Assert.Equal(8, weeks.Count);
            for (var i = 0; i < 8; i++)
            {
                var start = monday.AddDays(-7 * (7 - i));
                Assert.Equal(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), weeks[i].GetProperty("weekStarting").GetString());
                var inWeek = changes.Where(c => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c.At, zone)) is var d && d >= start && d < start.AddDays(7)).ToList();
                Assert.Equal(inWeek.Count(c => c.To == Light.Red), weeks[i].GetProperty("newRed").GetInt32());
                Assert.Equal(inWeek.Count(c => c.To == Light.Yellow), weeks[i].GetProperty("newYellow").GetInt32());
                Assert.Equal(inWeek.Count(c => c.To == Light.Done), weeks[i].GetProperty("closed").GetInt32());
            }

            Assert.True(weeks[7].GetProperty("newRed").GetInt32() >= 1);
            Assert.True(weeks[6].GetProperty("newYellow").GetInt32() >= 1);
            Assert.True(weeks[0].GetProperty("closed").GetInt32() >= 1);

            // A subtree's trend counts only its own items' changes.
            var mine = await office.GetFromJsonAsync<JsonElement>($"/api/v1/overview?unitId={D.UnitB}");
            var unitB = await app.WithDbAsync(db => db.LightChanges.IgnoreQueryFilters()
                .Where(c => c.RegionId == D.RegionId && db.WorkItems.IgnoreQueryFilters().Any(w => w.Id == c.WorkItemId && w.LeadUnitPath.StartsWith(db.Units.IgnoreQueryFilters().Where(u => u.Id == D.UnitB).Select(u => u.Path).First())))
                .Select(c => new { c.At, c.To }).ToListAsync());
            var lastWeek = unitB.Count(c => c.To == Light.Red && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c.At, zone)) is var d && d >= monday && d < monday.AddDays(7));
            Assert.Equal(lastWeek, mine.GetProperty("trend").EnumerateArray().Last().GetProperty("newRed").GetInt32());
        }
        finally
        {
            await app.WithDbAsync(async db => { db.LightChanges.RemoveRange(added); return await db.SaveChangesAsync(); });
        }
    }

    private static string PathOf(int unitId, List<Fact> facts) =>
        facts.Select(f => f.Path).FirstOrDefault(p => p.EndsWith($"/{unitId}/", StringComparison.Ordinal)) ?? $"/none/{unitId}/";
}

[Collection(OnSqlite.Name)]
public sealed class OverviewTestsOnSqlite(SqliteFactory app) : OverviewTests(app);

[Collection(OnPostgres.Name)]
public sealed class OverviewTestsOnPostgres(PostgresFactory app) : OverviewTests(app);
