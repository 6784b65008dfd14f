using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Duban.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DubanDb>
{
    public DubanDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DubanDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new DubanDb(options.Options);
    }
}
