import type { ArticleTopic } from "./articles";

// Knowledge base: network, devices, SIM cards, roaming and home internet.

export const SERVICE_TOPICS: ArticleTopic[] = [
  {
    slug: "roaming",
    categories: ["ROAMING"],
    ru: {
      title: "Роуминг: как подключить и сколько стоит",
      summary:
        "Роуминг включён на всех номерах. Пакеты «Интернет за границей», цены на звонки и как не получить большой счёт.",
      body: `Международный роуминг включён на всех номерах, отдельно подключать его не нужно. Перед поездкой проверьте, что на телефоне включена «Передача данных в роуминге».

**Интернет за границей**
Выгоднее всего подключить пакет в разделе «Услуги» до вылета:
- 1 ГБ на 7 дней — 690 ₽ (Турция, ОАЭ, Египет, Таиланд, страны СНГ);
- 3 ГБ на 14 дней — 1 490 ₽;
- на тарифе «Премиум» 5 ГБ в месяц уже включены.
Без пакета интернет в роуминге стоит 25 ₽ за каждые 100 МБ, после 500 МБ в сутки скорость снижается.

**Звонки и SMS**
Исходящие звонки — 49 ₽/мин, входящие — 29 ₽/мин, SMS — 19 ₽. Звонки на короткий номер поддержки бесплатны из любой страны.

**Если интернет не работает**
Перезагрузите телефон и выберите сеть вручную в настройках: в некоторых странах у нас несколько партнёров, и автоматический выбор подключается к сети, где интернет недоступен.`,
    },
    en: {
      title: "Roaming: how to set it up and what it costs",
      summary: "Roaming is on for every number. Data abroad packages, call prices, and how to avoid a large bill.",
      body: `International roaming is enabled on every number; there is nothing to turn on. Before you travel, make sure "Data roaming" is enabled on your phone.

**Data abroad**
The best value is a package from "Services" before you leave:
- 1 GB for 7 days — 690 RUB (Turkey, UAE, Egypt, Thailand, CIS countries);
- 3 GB for 14 days — 1,490 RUB;
- the Premium plan already includes 5 GB a month.
Without a package, roaming data costs 25 RUB per 100 MB, and speed is reduced after 500 MB a day.

**Calls and texts**
Outgoing calls 49 RUB/min, incoming 29 RUB/min, texts 19 RUB. Calls to the short support number are free from any country.

**If data does not work**
Restart the phone and select the network manually in settings: in some countries we have several partners, and automatic selection may pick a network without data.`,
    },
  },
  {
    slug: "mobile-internet-not-working",
    categories: ["TECHNICAL_FAULT"],
    ru: {
      title: "Не работает мобильный интернет: настройки APN",
      summary: "Пошаговая проверка: баланс и пакет, передача данных, режим сети и ручная настройка точки доступа APN.",
      body: `Если звонки работают, а интернет нет, пройдите по шагам.

1. **Пакет и баланс.** На главной странице проверьте остаток интернета и нет ли неоплаченного счёта — при просрочке больше 30 дней интернет приостанавливается.
2. **Передача данных.** Включите «Мобильные данные» и выключите режим полёта. Если вы за границей — включите «Передачу данных в роуминге».
3. **Перезагрузка.** Перезагрузите телефон: это обновляет регистрацию в сети.
4. **Настройки APN.** Обычно они приходят автоматически. Если нет, создайте точку доступа вручную:
   - Имя: Selfcare Internet
   - APN: internet
   - Имя пользователя и пароль: пусто
   - Тип APN: default,supl
   - Протокол: IPv4/IPv6
5. **Режим сети.** Выберите «4G/LTE (предпочтительно)» или «5G/4G/3G авто».

Если ничего не помогло, создайте заявку «Техническая неисправность» и укажите модель телефона и место, где не работает интернет. Мы проверим линию и базовые станции рядом.`,
    },
    en: {
      title: "Mobile data not working: APN settings",
      summary:
        "A step-by-step check: allowance and balance, mobile data, network mode and setting up the APN manually.",
      body: `If calls work but data does not, go through these steps.

1. **Allowance and balance.** Check your remaining data on the home screen and whether a bill is unpaid — data is suspended when a bill is more than 30 days overdue.
2. **Mobile data.** Turn on "Mobile data" and turn off airplane mode. Abroad, also enable "Data roaming".
3. **Restart.** Restart the phone; this refreshes its registration on the network.
4. **APN settings.** These normally arrive automatically. If not, create an access point manually:
   - Name: Selfcare Internet
   - APN: internet
   - Username and password: empty
   - APN type: default,supl
   - Protocol: IPv4/IPv6
5. **Network mode.** Choose "4G/LTE preferred" or "5G/4G/3G auto".

If nothing helps, open a "Technical fault" request with your phone model and where data fails. We will check the line and the cell sites nearby.`,
    },
  },
  {
    slug: "no-network-checklist",
    categories: ["NO_SERVICE", "TECHNICAL_FAULT"],
    ru: {
      title: "Нет сети: что проверить",
      summary: "Телефон пишет «Нет сети» или «Только экстренные вызовы»: короткий чек-лист и как сообщить об аварии.",
      body: `Если телефон не видит сеть, проверьте по порядку.

- **Авария в районе.** На главной странице приложения мы показываем известные аварии и плановые работы по вашему адресу.
- **Режим полёта** выключен, а SIM-карта включена в настройках (для телефонов с двумя SIM).
- **Перезагрузка** телефона решает большинство временных проблем.
- **SIM-карта в другом телефоне.** Если в другом телефоне сеть есть — проблема в устройстве. Если нет — SIM-карта могла выйти из строя, замените её (см. «Замена SIM-карты»).
- **Блокировка номера.** Номер блокируется при утере SIM по вашему заявлению или при долге более 30 дней — см. «Разблокировка номера».
- **Ручной выбор сети.** В настройках выберите оператора вручную.

Если связи нет у вас и у соседей, это, скорее всего, авария. Создайте заявку «Нет связи» и укажите адрес — такие заявки всегда обрабатывает специалист в приоритетном порядке. За время аварии начисляется компенсация.`,
    },
    en: {
      title: "No network: what to check",
      summary:
        'Your phone shows "No service" or "Emergency calls only": a short checklist and how to report an outage.',
      body: `If your phone cannot find the network, check in this order.

- **An outage nearby.** The app's home screen shows known outages and planned works at your address.
- **Airplane mode** is off, and the SIM is enabled in settings (on dual-SIM phones).
- **Restarting** the phone fixes most temporary problems.
- **The SIM in another phone.** If the other phone gets a signal, the problem is your device. If not, the SIM may be faulty — replace it (see "SIM replacement").
- **A blocked number.** A number is blocked when you report a lost SIM or when a bill is more than 30 days overdue — see "Unblocking a number".
- **Manual network selection.** Choose the operator manually in settings.

If you and your neighbours have no service, it is most likely an outage. Open a "No service" request with your address — these are always handled by an agent with priority. You are compensated for the outage time.`,
    },
  },
  {
    slug: "sim-replacement",
    categories: ["SIM_REPLACEMENT"],
    ru: {
      title: "Замена SIM-карты",
      summary: "Как заменить утерянную, повреждённую SIM-карту или SIM другого размера с сохранением номера и баланса.",
      body: `Заменить SIM-карту можно в любом салоне или у партнёра по паспорту владельца договора. Номер, тариф и баланс сохраняются, замена занимает около 10 минут.

**Если SIM-карта утеряна или украдена**
Сразу заблокируйте номер: в приложении с другого устройства («Профиль» → «Блокировка номера») или по телефону поддержки. Блокировка бесплатна и защищает от звонков и списаний за ваш счёт. После выдачи новой SIM-карты номер разблокируется автоматически.

**Стоимость**
Замена SIM-карты — 100 ₽, строка появится в ближайшем счёте. Замена повреждённой SIM-карты в течение гарантийного года — бесплатно.

**Без визита в салон**
Если телефон поддерживает eSIM, можно получить её прямо в приложении — см. статью «eSIM».

После замены старая SIM-карта перестаёт работать. Если вы пользовались мобильным банком, он может попросить подтвердить смену SIM-карты — это нормально.`,
    },
    en: {
      title: "SIM replacement",
      summary: "How to replace a lost or damaged SIM, or get one in a different size, keeping your number and balance.",
      body: `Replace a SIM at any store or partner with the contract holder's passport. Your number, plan and balance stay the same; it takes about 10 minutes.

**If the SIM is lost or stolen**
Block the number straight away: in the app from another device ("Profile" → "Block number") or via the support line. Blocking is free and protects you from calls and charges at your expense. Once the new SIM is issued, the number is unblocked automatically.

**Price**
SIM replacement costs 100 RUB, shown on your next bill. A damaged SIM is replaced free within its one-year warranty.

**Without visiting a store**
If your phone supports eSIM, you can get one in the app — see "eSIM".

After replacement the old SIM stops working. Your banking app may ask you to confirm the SIM change — that is expected.`,
    },
  },
  {
    slug: "number-porting",
    categories: ["NUMBER_PORTING"],
    ru: {
      title: "Перенос номера (MNP)",
      summary: "Как перейти к нам со своим номером от другого оператора: условия, документы, сроки и стоимость.",
      body: `Вы можете перейти к нам, сохранив свой номер. Перенос регулируется законом и занимает до 8 дней.

**Условия**
- Договор с текущим оператором оформлен на вас.
- У текущего оператора нет задолженности — иначе он отклонит перенос.
- Номер не заблокирован по вашему заявлению.

**Как оформить**
1. Придите в салон или к партнёру с паспортом, либо подайте заявление на Госуслугах.
2. Выберите тариф и получите нашу SIM-карту с временным номером.
3. В назначенный день номер переключится к нам — обычно ночью. Временный номер исчезнет, а старая SIM-карта перестанет работать.

**Стоимость** — 100 ₽ разово.

**Статус переноса** виден в приложении. Если перенос отклонён, мы сообщим причину, например задолженность у прежнего оператора. После её погашения заявление можно подать заново. Если до дня переноса осталось меньше суток, а номер ещё у прежнего оператора — это нормально, переключение происходит в течение дня.`,
    },
    en: {
      title: "Number porting (MNP)",
      summary: "How to move to us with your number from another operator: conditions, documents, timing and price.",
      body: `You can switch to us and keep your number. Porting is regulated by law and takes up to 8 days.

**Conditions**
- The contract with your current operator is in your name.
- You owe nothing to your current operator — otherwise it will reject the port.
- The number is not blocked at your request.

**How to do it**
1. Visit a store or partner with your passport, or apply through Gosuslugi.
2. Choose a plan and get our SIM with a temporary number.
3. On the scheduled day the number moves to us, usually overnight. The temporary number disappears and the old SIM stops working.

**Price**: 100 RUB, once.

**Porting status** is shown in the app. If a port is rejected, we tell you why, for example a debt with your previous operator. Once it is paid, you can apply again. If the porting day has come and the number is still with the old operator, that is normal: the switch happens during the day.`,
    },
  },
  {
    slug: "unblocking-a-line",
    categories: ["OTHER", "BILLING_QUESTION", "NO_SERVICE"],
    ru: {
      title: "Разблокировка номера",
      summary:
        "Почему номер может быть заблокирован и как его разблокировать: долг, утеря SIM, добровольная блокировка.",
      body: `Номер может быть заблокирован по одной из трёх причин. Причина видна на главной странице рядом с номером.

**Задолженность.** Если счёт не оплачен более 30 дней после срока, исходящие звонки и интернет приостанавливаются. Оплатите просроченные счета в разделе «Счета» — номер разблокируется автоматически в течение 15 минут после поступления платежа. Входящие звонки и вызов экстренных служб работают всегда.

**Утеря SIM-карты.** Если вы заблокировали номер из-за утери, получите новую SIM-карту в салоне — номер разблокируется при её выдаче. Если SIM-карта нашлась, разблокировать номер можно в приложении в разделе «Профиль».

**Добровольная блокировка.** Её можно снять в приложении в любой момент. Первые 30 дней добровольной блокировки бесплатны, затем начисляется 1 ₽ в день.

Если номер по-прежнему не работает через час после оплаты или снятия блокировки, перезагрузите телефон. Не помогло — создайте заявку, специалист проверит статус линии.`,
    },
    en: {
      title: "Unblocking a number",
      summary: "Why a number may be blocked and how to unblock it: debt, a lost SIM, a voluntary block.",
      body: `A number can be blocked for one of three reasons. The reason is shown on the home screen next to the number.

**Debt.** If a bill remains unpaid more than 30 days after its due date, outgoing calls and data are suspended. Pay the overdue bills under "Bills" — the number is unblocked automatically within 15 minutes of the payment. Incoming calls and emergency calls always work.

**A lost SIM.** If you blocked the number because the SIM was lost, get a new SIM at a store — the number is unblocked when it is issued. If you found the SIM, unblock the number in the app under "Profile".

**A voluntary block.** You can lift it in the app at any time. The first 30 days of a voluntary block are free, then it costs 1 RUB a day.

If the number still does not work an hour after paying or unblocking, restart the phone. If that does not help, open a request and an agent will check the line.`,
    },
  },
  {
    slug: "home-internet-troubleshooting",
    categories: ["TECHNICAL_FAULT", "NO_SERVICE"],
    ru: {
      title: "Не работает домашний интернет",
      summary:
        "Перезагрузка роутера, проверка кабеля и индикаторов, Wi-Fi или кабель — что сделать, прежде чем вызывать мастера.",
      body: `Большинство проблем с домашним интернетом решается за несколько минут.

**1. Перезагрузите роутер.** Выключите его из розетки на 30 секунд и включите снова. Подождите 2–3 минуты, пока он загрузится.

**2. Проверьте индикаторы.**
- Индикатор WAN/Интернет не горит — проверьте, что кабель из подъезда плотно вставлен в порт WAN (обычно синий).
- Индикатор мигает оранжевым или красным — роутер не получает подключение; это может быть авария, проверьте уведомления в приложении.
- Все индикаторы в порядке, но интернета нет только на одном устройстве — перезагрузите устройство и забудьте/заново подключите Wi-Fi сеть.

**3. Wi-Fi или кабель.** Подключите компьютер кабелем. Если по кабелю скорость нормальная, а по Wi-Fi нет — поставьте роутер выше и ближе к центру квартиры, используйте сеть 5 ГГц. На тарифе «Домашний Гига» есть Mesh-система для больших квартир.

**4. Вечером медленно?** Проверьте скорость по кабелю на сайте проверки скорости. Если она ниже 70% тарифной, создайте заявку «Техническая неисправность» с результатами — мы проверим линию и при необходимости пришлём мастера бесплатно.`,
    },
    en: {
      title: "Home internet not working",
      summary:
        "Restart the router, check the cable and lights, Wi-Fi versus cable — what to do before booking an engineer.",
      body: `Most home internet problems are fixed in a few minutes.

**1. Restart the router.** Unplug it for 30 seconds and plug it back in. Wait 2–3 minutes for it to start.

**2. Check the lights.**
- The WAN/Internet light is off — check that the cable from the hallway is firmly in the WAN port (usually blue).
- The light blinks orange or red — the router gets no connection; this may be an outage, check notifications in the app.
- All lights are fine but only one device has no internet — restart that device and forget and rejoin the Wi-Fi network.

**3. Wi-Fi or cable.** Connect a computer by cable. If the speed is fine by cable but not on Wi-Fi, place the router higher and more central and use the 5 GHz network. The Home Giga plan includes a mesh system for large homes.

**4. Slow in the evening?** Measure the speed by cable on a speed-test site. If it is below 70% of your plan's speed, open a "Technical fault" request with the results — we will check the line and send an engineer free of charge if needed.`,
    },
  },
  {
    slug: "esim",
    categories: ["SIM_REPLACEMENT", "OTHER"],
    ru: {
      title: "eSIM: как подключить",
      summary:
        "Электронная SIM-карта: какие устройства поддерживают, как получить в приложении, перенос на новый телефон.",
      body: `eSIM — это встроенная в телефон SIM-карта: пластик не нужен, а профиль загружается по QR-коду.

**Поддерживаемые устройства:** iPhone XS и новее, Google Pixel 4 и новее, Samsung Galaxy S20 и новее, большинство современных смарт-часов с LTE. Полный список — в приложении при оформлении.

**Как получить**
1. В приложении откройте номер и выберите «Перейти на eSIM».
2. Подтвердите действие кодом из SMS на текущую SIM-карту.
3. Отсканируйте QR-код телефоном, на котором будет работать eSIM (Настройки → Сотовая связь → Добавить eSIM).
4. Через несколько минут eSIM активируется, а пластиковая SIM-карта отключится.

**Новый телефон.** При смене телефона получите новый QR-код в приложении: один профиль eSIM работает только на одном устройстве. Старый профиль удалите после переноса.

Переход на eSIM стоит столько же, сколько замена SIM-карты, — 100 ₽. Номер, тариф и баланс сохраняются.`,
    },
    en: {
      title: "eSIM: how to get one",
      summary: "An embedded SIM: supported devices, how to get it in the app, and moving it to a new phone.",
      body: `An eSIM is a SIM built into your phone: no plastic card, the profile is downloaded with a QR code.

**Supported devices:** iPhone XS and newer, Google Pixel 4 and newer, Samsung Galaxy S20 and newer, and most current LTE smartwatches. The full list is shown in the app when you apply.

**How to get it**
1. In the app, open the number and choose "Switch to eSIM".
2. Confirm with the SMS code sent to your current SIM.
3. Scan the QR code with the phone that will use the eSIM (Settings → Mobile → Add eSIM).
4. The eSIM is active within a few minutes and the plastic SIM stops working.

**A new phone.** When you change phones, get a new QR code in the app: an eSIM profile works on one device only. Delete the old profile after the transfer.

Switching to eSIM costs the same as a SIM replacement, 100 RUB. Your number, plan and balance stay the same.`,
    },
  },
];
