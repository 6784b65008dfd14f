using Duban.Data;
using Duban.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Setup;

/// <summary>What the app does to its database before it serves: migrate, make the roles, seed a demo on first start.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var config = app.Configuration;
        if (config.GetValue("Duban:MigrateOnStart", true))
        {
            await MigrateAsync(app.Services);
        }

        if (config.GetValue("Duban:SeedDemoOnFirstStart", true))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            if (!await db.Regions.IgnoreQueryFilters().AnyAsync())
            {
                await DemoSeeder.SeedAsync(scope.ServiceProvider);
            }
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
}
