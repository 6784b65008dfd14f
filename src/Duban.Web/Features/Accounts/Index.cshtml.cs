using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Accounts;

[Requires(Permission.ManageAccounts)]
public sealed class IndexModel(DubanDb db, UserManager<Account> users, ScopeAccessor scopes) : PageModel
{
    public IReadOnlyList<AccountDto> Accounts { get; private set; } = [];
    public IReadOnlyDictionary<int, string> UnitNames { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var accounts = await db.Users.AsNoTracking().Where(a => a.RegionId == scope.RegionId).OrderBy(a => a.UserName).ToListAsync(ct);
        var list = new List<AccountDto>();
        foreach (var a in accounts)
        {
            list.Add(await AccountQueries.DtoAsync(users, a));
        }

        Accounts = list;
        UnitNames = await db.Units.VisibleTo(scope).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}
