using Duban.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Duban.IntegrationTests.Infrastructure;

/// <summary>
/// The real app, migrated and seeded with the demo county, on a database of its own:
/// a fresh SQLite file, or a fresh database on the PostgreSQL server the test script started.
/// </summary>
public abstract class DubanFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string connectionString;
    private readonly string? postgresDatabase;
    private readonly string? sqliteDirectory;
    private readonly string files = Directory.CreateTempSubdirectory("duban-files-").FullName;

    protected DubanFactory(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            sqliteDirectory = Directory.CreateTempSubdirectory("duban-test-").FullName;
            connectionString = $"Data Source={Path.Combine(sqliteDirectory, "duban.db")}";
        }
        else
        {
            postgresDatabase = "duban_test_" + Guid.NewGuid().ToString("N")[..12];
            var server = PostgresServer.ConnectionString;
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ToString();
        }
    }

    public DatabaseProvider Provider { get; }

    public TestClock Clock { get; } = new();

    public TestData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (postgresDatabase is not null)
        {
            await PostgresServer.CreateDatabaseAsync(postgresDatabase);
        }

        // Building the host runs Program: migrate, make roles, seed the demo county.
        _ = Services;
        Data = await TestData.CreateAsync(this);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgresDatabase is not null)
        {
            await PostgresServer.DropDatabaseAsync(postgresDatabase);
        }

        Directory.Delete(files, recursive: true);
        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Duban", connectionString);
        builder.UseSetting("Duban:SeedDemoOnFirstStart", "true");

        // The suite signs in hundreds of times a minute from one address; the limits have tests of their own.
        builder.UseSetting("Duban:Security:SignInAttemptsPerMinutePerClient", "0");
        builder.UseSetting("Duban:Security:SignInAttemptsPerMinutePerName", "0");
        builder.UseSetting("Duban:FileStore", files);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// A second app over the same database with some settings changed (its scheduled jobs off, so that
    /// only the first app's run). Dispose it at the end of the test.
    /// </summary>
    public WebApplicationFactory<Program> WithSettings(params (string Key, string Value)[] settings) => WithSettings(_ => { }, settings);

    public WebApplicationFactory<Program> WithSettings(Action<IWebHostBuilder> more, params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder =>
        {
            more(builder);
            builder.UseSetting("Duban:Lights:RecomputeMinutes", "0");
            builder.UseSetting("Duban:Reminders:EveryMinutes", "0");
            builder.UseSetting("Duban:Bulletins:EveryMinutes", "0");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    public async Task<T> WithDbAsync<T>(Func<DubanDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DubanDb>());
    }
}

public sealed class SqliteFactory() : DubanFactory(DatabaseProvider.Sqlite);

/// <summary>A SQLite app whose email and webhook channels point at the given loopback sinks.</summary>
public sealed class NotifyingFactory(int smtpPort, string webhookUrl) : DubanFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Duban:Notify:SmtpHost", "127.0.0.1");
        builder.UseSetting("Duban:Notify:SmtpPort", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Duban:Notify:SmtpFrom", "duchashi@qingshan.example");
        builder.UseSetting("Duban:Notify:WebhookUrl", webhookUrl);
    }
}

public sealed class PostgresFactory() : DubanFactory(DatabaseProvider.Postgres);

/// <summary>
/// An app with a database of its own whose scheduled jobs (lights, reminders, bulletins) never run, for a test
/// that writes freely and compares the database before and after each request. Audit sealing still runs.
/// </summary>
public abstract class QuietFactory(DatabaseProvider provider) : DubanFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Duban:Lights:RecomputeMinutes", "0");
        builder.UseSetting("Duban:Reminders:EveryMinutes", "0");
        builder.UseSetting("Duban:Bulletins:EveryMinutes", "0");
    }
}

public sealed class QuietSqliteFactory() : QuietFactory(DatabaseProvider.Sqlite);

public sealed class QuietPostgresFactory() : QuietFactory(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class OnSqlite : ICollectionFixture<SqliteFactory>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class OnPostgres : ICollectionFixture<PostgresFactory>
{
    public const string Name = "postgres";
}

[CollectionDefinition(Name)]
public sealed class OnQuietSqlite : ICollectionFixture<QuietSqliteFactory>
{
    public const string Name = "quiet-sqlite";
}

[CollectionDefinition(Name)]
public sealed class OnQuietPostgres : ICollectionFixture<QuietPostgresFactory>
{
    public const string Name = "quiet-postgres";
}

/// <summary>The PostgreSQL server that scripts/test.sh starts on loopback and names in DUBAN_TEST_PG.</summary>
public static class PostgresServer
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("DUBAN_TEST_PG")
        ?? throw new InvalidOperationException(
            "DUBAN_TEST_PG is not set. Run the tests with scripts/test.sh, which starts PostgreSQL on loopback, " +
            "or point DUBAN_TEST_PG at a server you started (Host=127.0.0.1;Port=...;Username=postgres;Database=postgres).");

    public static async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
