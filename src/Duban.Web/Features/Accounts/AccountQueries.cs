using Duban.Data;
using Microsoft.AspNetCore.Identity;

namespace Duban.Web.Features.Accounts;

public static class AccountQueries
{
    public static async Task<AccountDto> DtoAsync(UserManager<Account> users, Account a)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(a);
        var roles = await users.GetRolesAsync(a);
        return new AccountDto(a.Id, a.UserName!, a.DisplayName, a.UnitId, a.PersonId, roles.Order(StringComparer.Ordinal).ToList(), await users.IsLockedOutAsync(a), a.LastSignInAt);
    }
}
