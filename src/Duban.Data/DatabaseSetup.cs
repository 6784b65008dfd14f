using Microsoft.EntityFrameworkCore;

namespace Duban.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>One place that knows how each provider is configured and where its migrations live.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Duban.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Duban.Migrations.Postgres";

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(WithPlannerSettings(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>
    /// PostgreSQL's default planner costs assume a random page read four times dearer than a sequential one
    /// (spinning disks). Duban's working set fits in memory, where the two cost about the same: with the default
    /// a city's list of red tasks was joined by scanning all 100,000 items (46 ms) instead of looking up its
    /// 2,200 ids (14 ms). A connection string that sets Options itself is left alone (docs/decisions/0013).
    /// </summary>
    public static string WithPlannerSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c random_page_cost=1.1";
        }

        return builder.ConnectionString;
    }

    public static DatabaseProvider Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Unknown Database:Provider '{value}'. Use Sqlite or Postgres."),
    };
}
