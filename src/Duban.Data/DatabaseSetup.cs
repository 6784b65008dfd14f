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
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqlitePragmas.Instance);
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
    /// Statements are also prepared automatically, as below.
    /// </summary>
    public static string WithPlannerSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c random_page_cost=1.1";
        }

        // EF sends the same few hundred statements over and over; prepared once per connection, PostgreSQL skips
        // parsing and planning them (a task read went from 5.4 to 3.1 ms). Unless the connection string says otherwise.
        if (connectionString.IndexOf("Auto Prepare", StringComparison.OrdinalIgnoreCase) < 0)
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
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

/// <summary>
/// Sets SQLite's per-connection options whenever a connection opens. In WAL mode (set at startup) a commit
/// then waits for the operating system rather than for the disk: the file stays consistent whatever happens,
/// and only a power cut or a crash of the machine itself (not of Duban) can lose the last commits. That is
/// the embedded default's trade; PostgreSQL is the choice where that matters (docs/decisions/0013).
/// </summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
