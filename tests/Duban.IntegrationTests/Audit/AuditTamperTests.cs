using System.Text.Json;
using Duban.Data;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Audit;

/// <summary>
/// Someone with the database in hand drops the triggers and edits, deletes or reorders entries: verification
/// names exactly that entry. On a database of its own, since it tampers; each test puts the entry back.
/// </summary>
public abstract class AuditTamperTests(DubanFactory app)
{
    private TestData D => app.Data;

    [Fact]
    public async Task An_edited_entry_is_reported_as_altered_by_its_place_and_id()
    {
        var (sequence, id) = await MiddleEntryAsync();
        var original = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.After).SingleAsync());
        var forged = """{"Name":"改过的名称"}""";
        await WithoutTriggersAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {forged} WHERE \"Id\" = {id}"));
        try
        {
            var state = await VerifyAsync();
            Assert.Equal("Altered", state.GetProperty("break").GetProperty("kind").GetString());
            Assert.Equal(sequence, state.GetProperty("break").GetProperty("sequence").GetInt64());
            Assert.Equal(id, state.GetProperty("break").GetProperty("entryId").GetInt64());
            Assert.Equal(sequence - 1, state.GetProperty("verifiedThrough").GetInt64());

            // The audit page says so at the top, and still lists the edited entry.
            var auditor = await D.SignedInClientAsync("auditor");
            var chain = await auditor.GetStringAsync("/Audit?handler=Chain");
            Assert.Contains("链条断裂", chain, StringComparison.Ordinal);
            Assert.Contains($"第 {sequence} 条（记录 #{id}）与封存时不一致", chain, StringComparison.Ordinal);
            Assert.Contains("改过的名称", await auditor.GetStringAsync("/Audit?pageSize=200&page=1&kind=&actor="), StringComparison.Ordinal);
        }
        finally
        {
            await WithoutTriggersAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {original} WHERE \"Id\" = {id}"));
        }

        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_as_missing_at_its_place()
    {
        var (sequence, id) = await MiddleEntryAsync();
        var entry = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id));
        await WithoutTriggersAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}"));
        try
        {
            var state = await VerifyAsync();
            Assert.Equal("Missing", state.GetProperty("break").GetProperty("kind").GetString());
            Assert.Equal(sequence, state.GetProperty("break").GetProperty("sequence").GetInt64());
            Assert.Equal(JsonValueKind.Null, state.GetProperty("break").GetProperty("entryId").ValueKind);
        }
        finally
        {
            await WithoutTriggersAsync(db => db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditEntries" ("Id", "RegionId", "At", "ActorId", "ActorName", "EntityType", "EntityId", "Action", "Before", "After", "ChainSequence", "ChainHash")
                VALUES ({entry.Id}, {entry.RegionId}, {entry.At}, {entry.ActorId}, {entry.ActorName}, {entry.EntityType}, {entry.EntityId}, {entry.Action}, {entry.Before}, {entry.After}, {entry.ChainSequence}, {entry.ChainHash})
                """));
        }

        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Two_entries_swapped_are_reported_at_the_first_place_they_no_longer_fit()
    {
        var (sequence, first) = await MiddleEntryAsync();
        var second = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.RegionId == D.RegionId && a.ChainSequence == sequence + 1).Select(a => a.Id).SingleAsync());

        // One row at a time, through a free place, so that the unique index never sees two entries at one place.
        Task<int> Place(params (long Id, long Sequence)[] moves) => WithoutTriggersAsync(async db =>
        {
            var changed = 0;
            foreach (var (id, to) in moves)
            {
                changed += await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ChainSequence\" = {to} WHERE \"Id\" = {id}");
            }

            return changed;
        });
        await Place((first, -1), (second, sequence), (first, sequence + 1));
        try
        {
            var state = await VerifyAsync();
            Assert.Equal("Altered", state.GetProperty("break").GetProperty("kind").GetString());
            Assert.Equal(sequence, state.GetProperty("break").GetProperty("sequence").GetInt64());
            Assert.Equal(second, state.GetProperty("break").GetProperty("entryId").GetInt64());
        }
        finally
        {
            await Place((second, -1), (first, sequence), (second, sequence + 1));
        }

        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Every_chain_in_the_database_is_walked_as_the_cli_walks_them()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var verify = scope.ServiceProvider.GetRequiredService<Duban.Web.Features.Audit.VerifyAuditChain>();
        var states = await verify.RunAllAsync();
        Assert.Contains(states, s => s.RegionId == D.RegionId && s.Intact && s.VerifiedThrough > 0);
        Assert.Contains(states, s => s.RegionId == D.OtherRegionId && s.Intact && s.VerifiedThrough > 0);
    }

    /// <summary>A sealed entry of the demo county with entries on both sides of it, recent enough to be on the audit page's first page.</summary>
    private async Task<(long Sequence, long Id)> MiddleEntryAsync()
    {
        var state = await VerifyAsync();
        Assert.True(state.GetProperty("intact").GetBoolean(), state.ToString());
        var head = state.GetProperty("verifiedThrough").GetInt64();
        Assert.True(head > 10, $"The demo county's chain is only {head} long.");
        var sequence = head - 3;
        var id = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.RegionId == D.RegionId && a.ChainSequence == sequence).Select(a => a.Id).SingleAsync());
        return (sequence, id);
    }

    private async Task<JsonElement> VerifyAsync()
    {
        var auditor = await D.ApiClientAsync("auditor");
        return await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
    }

    /// <summary>What someone who owns the database can do: drop the triggers, change rows, put the triggers back.</summary>
    private Task<int> WithoutTriggersAsync(Func<DubanDb, Task<int>> tamper) => app.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var triggers = app.Provider == DatabaseProvider.Sqlite
            ? await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntries'").ToListAsync()
            : [];
        await db.Database.ExecuteSqlRawAsync(app.Provider == DatabaseProvider.Sqlite
            ? "DROP TRIGGER \"AuditEntries_SealOnce\"; DROP TRIGGER \"AuditEntries_NoDelete\";"
            : "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
        var changed = await tamper(db);
        Assert.True(changed > 0, "The tampering changed nothing.");
        foreach (var trigger in triggers)
        {
            await db.Database.ExecuteSqlRawAsync(trigger);
        }

        if (app.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER");
        }

        await transaction.CommitAsync();
        return changed;
    });
}

public sealed class AuditTamperTestsOnSqlite(AuditTamperTestsOnSqlite.Database app) : AuditTamperTests(app), IClassFixture<AuditTamperTestsOnSqlite.Database>
{
    public sealed class Database() : DubanFactory(DatabaseProvider.Sqlite);
}

public sealed class AuditTamperTestsOnPostgres(AuditTamperTestsOnPostgres.Database app) : AuditTamperTests(app), IClassFixture<AuditTamperTestsOnPostgres.Database>
{
    public sealed class Database() : DubanFactory(DatabaseProvider.Postgres);
}
