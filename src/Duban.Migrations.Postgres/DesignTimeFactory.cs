using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Duban.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host or a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DubanDb>
{
    public DubanDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DubanDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=127.0.0.1;Database=duban_design");
        return new DubanDb(options.Options);
    }
}
