using Duban.Data;
using Duban.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Setup;

/// <summary>
/// What the app does to its database before it serves: migrate, make the roles, and on an empty database
/// either seed the demo county (in Development, where <c>dotnet run</c> starts, or when
/// <c>Duban:SeedDemoOnFirstStart</c> is true) or say how to create the administrator. A deployment
/// never gets the demo and its published passwords unless it asks for them.
/// </summary>
public static partial class DatabaseStartup
{
    public const string CreateAdminHint =
        "No accounts yet. Create the system administrator: dotnet Duban.Web.dll create-admin --username NAME --password PASSWORD --region CODE --region-name NAME";

    public static bool SeedsDemo(IConfiguration config, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        return config.GetValue<bool?>("Duban:SeedDemoOnFirstStart") ?? environment.IsDevelopment();
    }

    public static async Task PrepareAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var config = app.Configuration;
        if (config.GetValue("Duban:MigrateOnStart", true))
        {
            await MigrateAsync(app.Services);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        if (SeedsDemo(config, app.Environment) && !await db.Regions.IgnoreQueryFilters().AnyAsync())
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider);
        }
        else if (!await db.Users.IgnoreQueryFilters().AnyAsync())
        {
            NoAccounts(app.Logger, CreateAdminHint);
        }
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(database.DataDirectory);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        await db.Database.MigrateAsync();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<Role>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new Role { Name = role });
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Hint}")]
    private static partial void NoAccounts(ILogger logger, string hint);
}
