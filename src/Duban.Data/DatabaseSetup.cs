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
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    public static DatabaseProvider Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Unknown Database:Provider '{value}'. Use Sqlite or Postgres."),
    };
}
