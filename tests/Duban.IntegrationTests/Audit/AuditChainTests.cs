using System.Data.Common;
using System.Net;
using System.Text.Json;
using Duban.Data;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Audit;

/// <summary>The audit trail as a chain on the shared demo database: sealed after commit, refused by the database when edited.</summary>
public abstract class AuditChainTests(DubanFactory app)
{
    private TestData D => app.Data;

    [Fact]
    public async Task An_entry_written_by_a_normal_change_is_sealed_shortly_after_and_the_chain_verifies()
    {
        var office = await D.ApiClientAsync("duchashi");
        var name = "县审计测试局" + Guid.NewGuid().ToString("N")[..4];
        var created = await office.PostAsJsonAsync("/api/v1/units", new { name, kind = "Department", parentId = D.RootUnitId, sortOrder = 90 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unitId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var entryId = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "Unit" && a.EntityId == unitId).MaxAsync(a => a.Id));

        // Nobody asks: the background sealer chains it within seconds.
        var sequence = await SequenceOfAsync(entryId);
        for (var i = 0; i < 60 && sequence is null; i++)
        {
            await Task.Delay(500);
            sequence = await SequenceOfAsync(entryId);
        }

        Assert.NotNull(sequence);
        var auditor = await D.ApiClientAsync("auditor");
        var state = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(state.GetProperty("intact").GetBoolean(), state.ToString());
        Assert.True(state.GetProperty("verifiedThrough").GetInt64() >= sequence, state.ToString());
        Assert.Equal(0, state.GetProperty("unsealed").GetInt32());

        // The head it reports is one a later verification accepts as an anchor; a wrong hash there is caught.
        var anchor = state.GetProperty("anchor").GetString()!;
        Assert.True((await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify?anchor=" + anchor)).GetProperty("intact").GetBoolean());
        var wrong = anchor[..(anchor.IndexOf(':', StringComparison.Ordinal) + 1)] + new string('0', 64);
        var mismatch = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify?anchor=" + wrong);
        Assert.Equal("AnchorMismatch", mismatch.GetProperty("break").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/v1/audit/verify?anchor=nonsense")).StatusCode);
    }

    [Fact]
    public async Task Each_region_has_its_own_chain_numbered_from_one_in_commit_order()
    {
        var auditor = await D.ApiClientAsync("auditor");
        _ = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        await app.WithDbAsync(db => AuditChainStore.SealAsync(db, null));
        foreach (var region in new[] { D.RegionId, D.OtherRegionId })
        {
            var sequences = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.RegionId == region && a.ChainSequence != null)
                .OrderBy(a => a.ChainSequence).Select(a => a.ChainSequence!.Value).ToListAsync());
            Assert.NotEmpty(sequences);
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        }
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_entry()
    {
        await app.WithDbAsync(db => AuditChainStore.SealAsync(db, null));
        var sealedId = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.ChainSequence != null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var before = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == sealedId));

        await RefusedAsync($"UPDATE \"AuditEntries\" SET \"After\" = 'edited' WHERE \"Id\" = {sealedId}");
        await RefusedAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else' WHERE \"Id\" = {sealedId}");
        await RefusedAsync($"UPDATE \"AuditEntries\" SET \"ChainHash\" = '{new string('0', 64)}' WHERE \"Id\" = {sealedId}");
        await RefusedAsync($"UPDATE \"AuditEntries\" SET \"ChainSequence\" = NULL, \"ChainHash\" = NULL WHERE \"Id\" = {sealedId}");
        await RefusedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {sealedId}");
        await RefusedAsync("DELETE FROM \"AuditEntries\"");
        if (app.Provider == DatabaseProvider.Postgres)
        {
            await RefusedAsync("TRUNCATE \"AuditEntries\"");
        }

        // An entry not yet sealed may get its chain columns, but nothing else may change with them.
        var unsealedId = await app.WithDbAsync(async db =>
        {
            var entry = new AuditEntry { RegionId = D.OtherRegionId, At = DateTime.UtcNow, ActorName = "test", EntityType = "Unit", EntityId = D.OtherRegionUnit, Action = AuditActions.Updated, After = "{}" };
            await BulkInsert.InsertAsync(db, [entry], default);
            return await db.AuditEntries.IgnoreQueryFilters().Where(a => a.ActorName == "test" && a.ChainSequence == null).MaxAsync(a => a.Id);
        });
        await RefusedAsync($"UPDATE \"AuditEntries\" SET \"ChainSequence\" = 999999, \"ChainHash\" = '{new string('0', 64)}', \"After\" = 'edited' WHERE \"Id\" = {unsealedId}");
        await RefusedAsync($"UPDATE \"AuditEntries\" SET \"ChainSequence\" = 999999 WHERE \"Id\" = {unsealedId}");

        var after = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == sealedId));
        Assert.Equivalent(before, after, strict: true);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Id == unsealedId)));
    }

    [Fact]
    public async Task The_trigger_compares_every_column_an_entry_has()
    {
        // A column added to the entry and not to the trigger could be changed when the entry is sealed.
        var source = await app.WithDbAsync(db => app.Provider == DatabaseProvider.Sqlite
            ? db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = 'AuditEntries_SealOnce'").SingleAsync()
            : db.Database.SqlQueryRaw<string>("SELECT prosrc AS \"Value\" FROM pg_proc WHERE proname = 'audit_entries_append_only'").SingleAsync());
        var columns = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(AuditEntry))!.GetProperties().Select(p => p.GetColumnName()).ToList()));
        Assert.Equal(12, columns.Count);
        Assert.All(columns, c =>
        {
            Assert.Contains($"NEW.\"{c}\"", source, StringComparison.Ordinal);
            Assert.Contains($"OLD.\"{c}\"", source, StringComparison.Ordinal);
        });
    }

    private async Task RefusedAsync(string sql)
    {
        var error = await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    private Task<long?> SequenceOfAsync(long entryId) =>
        app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == entryId).Select(a => a.ChainSequence).SingleAsync());
}

[Collection(OnSqlite.Name)]
public sealed class AuditChainTestsOnSqlite(SqliteFactory app) : AuditChainTests(app);

[Collection(OnPostgres.Name)]
public sealed class AuditChainTestsOnPostgres(PostgresFactory app) : AuditChainTests(app);
