using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Duban.BrowserTests;

[Collection(BrowserJourneys.Name)]
public sealed class FoundationJourneys(BrowserFixture app)
{
    [Fact]
    public async Task The_administrator_signs_in_switches_language_and_walks_the_admin_screens()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "admin");
        await Expect(page.GetByText("青山县全域")).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "01-home-zh");

        // English and back.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Units", Exact = true })).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "02-home-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();

        // The unit tree.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "单位", Exact = true }).ClickAsync();
        var tree = page.GetByRole(AriaRole.Tree, new() { Name = "单位树" });
        await Expect(tree).ToBeVisibleAsync();
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = "城关镇" })).ToBeVisibleAsync();
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = "开发区招商服务局" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "03-unit-tree");

        // A unit, its people and its history (loaded by htmx).
        await tree.GetByRole(AriaRole.Link, new() { Name = "城关镇" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "城关镇", Exact = true })).ToBeVisibleAsync();
        var history = page.GetByRole(AriaRole.Table, new() { Name = "变更记录（留痕）" });
        await Expect(history).ToContainTextAsync("新建");

        // Edit: a missing name is refused in place, then a real change is saved and recorded.
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await page.GetByLabel("单位名称").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByText("此项为必填项。")).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "04-unit-edit-error");
        await page.GetByLabel("单位名称").FillAsync("城关镇人民政府");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "城关镇人民政府" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "变更记录（留痕）" })).ToContainTextAsync("城关镇人民政府");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "变更记录（留痕）" })).ToContainTextAsync("系统管理员");
        await app.ScreenshotAsync(page, "05-unit-history");

        // People, filtered by unit.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "人员" }).ClickAsync();
        await page.GetByLabel("所在单位").SelectOptionAsync(new SelectOptionValue { Label = "　县发展和改革局" });
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("县发改局");
        await Expect(page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("城关镇");
        await app.ScreenshotAsync(page, "06-people");

        // Accounts and roles.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "账号" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "fgj" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "单位联络员" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "系统管理员" })).Not.ToBeCheckedAsync();
        await app.ScreenshotAsync(page, "07-account");

        // Sign out.
        await page.GetByRole(AriaRole.Link, new() { Name = "账号菜单" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_auditor_reads_the_trail_and_sees_the_chain_verified()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "auditor");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "审计", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审计日志" })).ToBeVisibleAsync();

        // The chain's state arrives after the list (htmx), verified through the newest sealed entry.
        await Expect(page.GetByText("链条完整")).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"已核验至第 \d+ 条"))).ToBeVisibleAsync();
        var trail = page.GetByRole(AriaRole.Table, new() { Name = "审计日志" });
        await Expect(trail).ToContainTextAsync("新建");

        await page.GetByLabel("对象类型").SelectOptionAsync(new SelectOptionValue { Label = "单位" });
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Expect(trail).ToContainTextAsync("城关镇");
        await Expect(trail).Not.ToContainTextAsync("人员 #");
        await app.ScreenshotAsync(page, "audit-trail");

        // Nothing else of the county is the auditor's: no office menu, and the settings page is refused.
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "规则设置" })).Not.ToBeVisibleAsync();
        var settings = await page.GotoAsync("/Settings");
        Assert.Equal(403, settings!.Status);
    }

    [Fact]
    public async Task A_liaison_sees_only_their_unit_and_gets_a_not_found_page_for_another()
    {
        var other = await app.UnitIdAsync("河口镇");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "fgj");
        await Expect(page.GetByText("县发展和改革局及其下属单位")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "账号", Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "单位", Exact = true }).ClickAsync();
        var tree = page.GetByRole(AriaRole.Tree);
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = "县发展和改革局" })).ToBeVisibleAsync();
        await Expect(tree).Not.ToContainTextAsync("河口镇");

        var response = await page.GotoAsync($"/Units/Details/{other}");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();

        var forbidden = await page.GotoAsync("/Accounts");
        Assert.Equal(403, forbidden!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "08-liaison-forbidden");
    }

    [Fact]
    public async Task A_person_turns_on_two_factor_sign_in_and_signs_in_with_the_code_their_app_shows()
    {
        const string user = "mfa-journey";
        const string password = "Journey#2026x";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Account>>();
            var unit = await app.UnitIdAsync("县发展和改革局");
            var region = await scope.ServiceProvider.GetRequiredService<Data.DubanDb>().Units.Where(u => u.Id == unit).Select(u => u.RegionId).SingleAsync();
            var account = new Data.Account { UserName = user, DisplayName = "两步验证", RegionId = region, UnitId = unit };
            Assert.True((await users.CreateAsync(account, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Domain.Access.Roles.Liaison)).Succeeded);
        }

        var page = await app.NewPageAsync();
        await SignInWithPasswordAsync(page, user, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "账号菜单" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "两步验证" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "验证器应用的二维码" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "60-two-factor-setup");

        var key = (await page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("验证码").FillAsync(IntegrationTests.Infrastructure.Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "开启两步验证" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "恢复码" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await app.ScreenshotAsync(page, "61-two-factor-recovery-codes");

        // At another desk: the password leads to the code, and the code to the home page.
        var desk = await app.NewPageAsync();
        await SignInWithPasswordAsync(desk, user, password, home: false);
        await Expect(desk.GetByText("请输入手机验证器应用显示的 6 位验证码。")).ToBeVisibleAsync();
        await desk.GetByLabel("验证码").FillAsync(IntegrationTests.Infrastructure.Totp.Code(key, DateTimeOffset.UtcNow));
        await app.ScreenshotAsync(desk, "62-two-factor-sign-in");
        await desk.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
    }

    private static async Task SignInWithPasswordAsync(IPage page, string user, string password, bool home = true)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("登录名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        if (home)
        {
            await page.GetByRole(AriaRole.Heading, new() { Name = "工作台" }).WaitForAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_away_and_the_unit_tree_fits_the_screen()
    {
        var page = await app.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await app.SignInAsync(page, "duchashi");
        var units = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "单位", Exact = true });
        await Expect(units).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();

        // The menu slides open; wait until it has (the longer menu takes a moment) before choosing from it.
        await Expect(page.Locator("#navbar-menu.show")).ToBeVisibleAsync();
        await Expect(units).ToBeVisibleAsync();
        await units.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Units$"));
        await Expect(page.GetByRole(AriaRole.Tree)).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The unit tree makes the page scroll sideways on a phone.");
        await app.ScreenshotAsync(page, "09-phone-tree");
        await Expect(page).ToHaveURLAsync(new Regex("/Units$"));
    }
}
