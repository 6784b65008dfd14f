using Duban.Domain.Access;
using Duban.IntegrationTests.Infrastructure;

namespace Duban.IntegrationTests.Contract;

/// <summary>The README's table of who may do what is the code's table, cell by cell.</summary>
public sealed class PermissionTableReadmeTests
{
    private static readonly string[] Columns = [Roles.SupervisionOffice, Roles.Leader, Roles.Liaison, Roles.Viewer, Roles.SystemAdmin, Roles.Auditor];

    [Fact]
    public void The_readme_says_what_the_permission_table_says()
    {
        var readme = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        var start = Array.FindIndex(readme, l => l == "## Who may do what");
        Assert.True(start >= 0, "README has no \"## Who may do what\" section.");
        var rows = readme.Skip(start).SkipWhile(l => !l.StartsWith("| `", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToList();
        var seen = new HashSet<Permission>();
        foreach (var row in rows)
        {
            var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var name = cells[0][1..cells[0].IndexOf('`', 1)];
            var permission = Enum.Parse<Permission>(name);
            seen.Add(permission);
            for (var i = 0; i < Columns.Length; i++)
            {
                var reach = PermissionTable.ReachOf([Columns[i]], permission);
                var expected = reach switch
                {
                    Reach.Region => "region",
                    Reach.Visible => "visible",
                    Reach.Led => "led",
                    Reach.Named => "named",
                    Reach.None => "—",
                    _ => "?",
                };
                Assert.True(cells[i + 1] == expected, $"README says {Columns[i]} has {permission} at '{cells[i + 1]}'; the code says '{expected}'.");
            }
        }

        Assert.Equal(Enum.GetValues<Permission>().ToHashSet(), seen);
    }
}
