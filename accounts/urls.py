"""Account URLs, under the language prefix: /<lang>/account/..."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("signup/", views.signup, name="signup"),
    path("signup/adult/", views.signup_adult, name="signup_adult"),
    path("signup/child/", views.signup_child, name="signup_child"),
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("data/", views.download_data, name="data"),
    path("delete/", views.delete_account, name="delete"),
    path("deleted/", views.account_deleted, name="deleted"),
]
