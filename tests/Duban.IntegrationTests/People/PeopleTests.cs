using System.Net;
using System.Text.Json;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.People;

public abstract class PeopleTests(DubanFactory app)
{
    private TestData D => app.Data;

    [Fact]
    public async Task The_office_adds_a_leader_and_finds_them_by_name()
    {
        var api = await D.ApiClientAsync("duchashi");
        var name = "周" + Guid.NewGuid().ToString("N")[..3];
        var response = await api.PostAsJsonAsync("/api/v1/people", new { name, title = "副县长", unitId = D.RootUnitId, phone = "139 0571 0001", email = "zhou@example.gov.cn", isLeader = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people?q={Uri.EscapeDataString(name)}");
        var person = Assert.Single(found.EnumerateArray());
        Assert.True(person.GetProperty("isLeader").GetBoolean());
        Assert.Equal("副县长", person.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bad_contact_details_are_refused_and_nothing_is_written()
    {
        var api = await D.ApiClientAsync("duchashi");
        var before = await app.WithDbAsync(db => db.People.IgnoreQueryFilters().CountAsync());
        var response = await api.PostAsJsonAsync("/api/v1/people", new { name = "吴某", unitId = D.UnitA, phone = "一三九", email = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("电话号码只能包含数字、空格和 +-()。", errors.GetProperty("Phone")[0].GetString());
        Assert.Equal("邮箱格式不正确。", errors.GetProperty("Email")[0].GetString());

        var noUnit = await api.PostAsJsonAsync("/api/v1/people", new { name = "吴某" });
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.People.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task A_person_cannot_be_placed_in_another_region()
    {
        var api = await D.ApiClientAsync("admin");
        var response = await api.PutAsJsonAsync($"/api/v1/people/{D.PersonInA}", new { name = "某人", unitId = D.OtherRegionUnit });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("单位不存在或不在您的范围内", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unitId = await app.WithDbAsync(db => db.People.Where(p => p.Id == D.PersonInA).Select(p => p.UnitId).SingleAsync());
        Assert.Equal(D.UnitA, unitId);
    }

    [Fact]
    public async Task The_people_page_filters_by_unit()
    {
        var browser = await D.SignedInClientAsync("duchashi");
        var page = await browser.GetStringAsync($"/People?unitId={D.UnitB}");
        var inB = await app.WithDbAsync(db => db.People.Where(p => p.UnitId == D.UnitB).Select(p => p.Name).ToListAsync());
        var inA = await app.WithDbAsync(db => db.People.Where(p => p.UnitId == D.UnitA).Select(p => p.Name).ToListAsync());
        Assert.All(inB, n => Assert.Contains(n, page, StringComparison.Ordinal));
        Assert.All(inA.Except(inB), n => Assert.DoesNotContain(">" + n + "<", page, StringComparison.Ordinal));
    }
}

[Collection(OnSqlite.Name)]
public sealed class PeopleTestsOnSqlite(SqliteFactory app) : PeopleTests(app);

[Collection(OnPostgres.Name)]
public sealed class PeopleTestsOnPostgres(PostgresFactory app) : PeopleTests(app);
