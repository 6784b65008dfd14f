using Duban.Data;
using Duban.Domain.Organisation;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Foundation;

public abstract class AuditTrailTests(DubanFactory app)
{
    [Fact]
    public async Task Audit_rows_cannot_be_changed_or_deleted()
    {
        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.IgnoreQueryFilters().FirstAsync();
            entry.ActorName = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.AuditEntries.Remove(await db.AuditEntries.IgnoreQueryFilters().FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });
    }

    [Fact]
    public async Task A_change_and_its_audit_row_commit_together()
    {
        var name = "留痕测试" + Guid.NewGuid().ToString("N")[..4];
        var id = await app.WithDbAsync(async db =>
        {
            // A real-shaped path under the root, so that views walking the tree see a well-formed unit.
            var rootPath = await db.Units.IgnoreQueryFilters().Where(u => u.Id == app.Data.RootUnitId).Select(u => u.Path).SingleAsync();
            var unit = new Unit { RegionId = app.Data.RegionId, ParentId = app.Data.RootUnitId, Name = name, Kind = UnitKind.Department, Path = rootPath + "audit-" + name + "/" };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });

        var entries = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "Unit" && a.EntityId == id).ToListAsync());
        var created = Assert.Single(entries);
        Assert.Equal(AuditActions.Created, created.Action);
        Assert.Equal(app.Data.RegionId, created.RegionId);
        Assert.Contains(name, created.After, StringComparison.Ordinal);
        Assert.Null(created.Before);
    }

    [Fact]
    public async Task An_edit_is_saved_with_its_audit_row_in_one_batch_and_a_refused_edit_leaves_neither()
    {
        // Existing rows have their ids: the change and its audit row go to the database together.
        var name = "留痕改名" + Guid.NewGuid().ToString("N")[..4];
        var id = await app.WithDbAsync(async db =>
        {
            var unit = new Unit { RegionId = app.Data.RegionId, ParentId = app.Data.RootUnitId, Name = name, Kind = UnitKind.Department, Path = "/audit-edit/" };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unit.ShortName = "简称";
            Assert.Equal(1, await db.SaveChangesAsync());
            return unit.Id;
        });
        var updated = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "Unit" && a.EntityId == id && a.Action == AuditActions.Updated).ToListAsync()));
        Assert.Contains("简称", updated.After, StringComparison.Ordinal);

        // Renamed onto a sibling's name, the unique index refuses it: neither the name nor an audit row is kept.
        var before = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync());
        await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == id);
            unit.Name = "城关镇";
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return 0;
        });
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(name, await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Id == id).Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task Every_connection_is_set_up_as_the_provider_needs()
    {
        // SQLite commits wait for the operating system, not the disk (WAL with synchronous NORMAL, value 1);
        // PostgreSQL plans with memory-resident costs.
        var setting = await app.WithDbAsync(db => app.Provider == DatabaseProvider.Sqlite
            ? db.Database.SqlQueryRaw<string>("SELECT CAST(synchronous AS TEXT) AS Value FROM pragma_synchronous").SingleAsync()
            : db.Database.SqlQueryRaw<string>("SELECT current_setting('random_page_cost') AS \"Value\"").SingleAsync());
        Assert.Equal(app.Provider == DatabaseProvider.Sqlite ? "1" : "1.1", setting);
    }

    [Fact]
    public async Task A_failed_save_leaves_neither_the_change_nor_an_audit_row()
    {
        var before = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync());
        await app.WithDbAsync(async db =>
        {
            // Same parent, same name: the unique index refuses it.
            db.Units.Add(new Unit { RegionId = app.Data.RegionId, ParentId = app.Data.RootUnitId, Name = "城关镇", Kind = UnitKind.TownOrStreet, Path = "/" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return 0;
        });
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync()));
    }
}

[Collection(OnSqlite.Name)]
public sealed class AuditTrailTestsOnSqlite(SqliteFactory app) : AuditTrailTests(app);

[Collection(OnPostgres.Name)]
public sealed class AuditTrailTestsOnPostgres(PostgresFactory app) : AuditTrailTests(app);
