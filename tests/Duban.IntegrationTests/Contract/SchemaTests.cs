using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Contract;

/// <summary>Each provider's migrations describe exactly the model the code has.</summary>
public abstract class SchemaTests(DubanFactory app)
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The model changed without a {app.Provider} migration. Add one with: dotnet ef migrations add NAME --project src/Duban.Migrations.{app.Provider}");
    }

    [Fact]
    public async Task Every_migration_is_applied_on_start()
    {
        var pending = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);
        var applied = await app.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.NotEmpty(applied);
    }
}

[Collection(OnSqlite.Name)]
public sealed class SchemaTestsOnSqlite(SqliteFactory app) : SchemaTests(app);

[Collection(OnPostgres.Name)]
public sealed class SchemaTestsOnPostgres(PostgresFactory app) : SchemaTests(app);
